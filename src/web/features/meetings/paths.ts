export const meetingsPath = (familyId: string) => `/families/${familyId}/meetings`;
export const meetingPath = (familyId: string, meetingId: string) => `/families/${familyId}/meetings/${meetingId}`;
export const agendaPath = '/agenda';
