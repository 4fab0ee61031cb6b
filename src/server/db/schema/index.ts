export * from './tenants.ts';
export * from './people.ts';
export * from './families.ts';
export * from './ops.ts';
export * from './registrations.ts';
export * from './plan.ts';
export * from './sharing.ts';
export * from './network.ts';
