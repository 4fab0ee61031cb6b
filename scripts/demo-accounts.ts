import { DEMO_PASSWORD, demoAccounts } from '../src/server/demo/accounts.ts';

/** Prints the demo logins as JSON, so scripts and tests can sign in. */
const accounts = demoAccounts().map(({ email, role, collaboration }) => ({ email, password: DEMO_PASSWORD, role, collaboration }));
console.log(JSON.stringify(accounts, null, 2));
