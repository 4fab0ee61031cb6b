import { z } from 'zod';
import { FamilyItemParams, FamilyParams } from '../../../shared/schemas/families.ts';
import {
  AttendanceInput, InvitationsInput, InvitationsResult, Meeting, MeetingItemInput, MeetingItemParams, MeetingItemPatch, MeetingInput,
  MeetingList, MeetingListQuery, MeetingNote, MeetingNoteInput, MeetingNoteParams, MeetingNotePatch, MeetingPatch, MeetingReplyInput,
  NoteToAgreementInput,
} from '../../../shared/schemas/meetings.ts';
import { Agreement } from '../../../shared/schemas/plan.ts';
import { requireInCircle } from '../../access/family-scope.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import type { App, FeatureDeps } from '../../http/route-types.ts';
import { createInFamily, inFamily, readInFamily } from '../families/scope.ts';
import { evaluationProposal } from './evaluation.ts';
import { sendInvitations } from './invitations.ts';
import { addNote, noteToAgreement, recordAttendance, replyToMeeting, updateNote } from './notes.ts';
import { loadMeetings } from './repo.ts';
import {
  addAgendaItem, createMeeting, deleteAgendaItem, deleteMeeting, updateAgendaItem, updateMeeting, visibleMeeting,
} from './service.ts';

const tags = ['meetings'];
const EvaluationProposal = z.object({ dueOn: z.string().nullable(), intervalMonths: z.number().int(), plannedMeetingId: z.string().nullable() });

export function meetingRoutes(app: App, { db, clock, config }: FeatureDeps) {
  const base = '/families/:id/meetings';
  app.get(base, { schema: { tags, summary: 'Round tables of the family: for each person only the agenda items (and notes) in their sight', params: FamilyParams, querystring: MeetingListQuery, response: { 200: MeetingList } } },
    async (req) => ({ items: await readInFamily(db, req, 'meeting', (tx, scope) => loadMeetings(tx, scope, req.query.upcoming === 'true' ? { from: clock() } : {})) }));

  app.get(`${base}/evaluation-proposal`, { schema: { tags, summary: 'When the next evaluation round is due (the collaboration\'s interval after the plan\'s agreements or its last evaluation)', params: FamilyParams, response: { 200: EvaluationProposal } } },
    async (req) => readInFamily(db, req, 'evaluation_proposal', async (tx, scope) => {
      if (scope.reach !== 'full') return { dueOn: null, intervalMonths: 3, plannedMeetingId: null };
      return evaluationProposal(tx, scope);
    }));

  app.post(base, { schema: { tags, summary: 'Plan a round table with its agenda and who is invited per item (coordinators)', params: FamilyParams, body: MeetingInput, response: { 201: Meeting } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => createMeeting(tx, req.ctx, scope, req.body));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.get(`${base}/:itemId`, { schema: { tags, summary: 'One round table', params: FamilyItemParams, response: { 200: Meeting } } }, async (req, reply) => {
    const meeting = await readInFamily(db, req, 'meeting', (tx, scope) => visibleMeeting(tx, scope, req.params.itemId));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.patch(`${base}/:itemId`, { schema: { tags, summary: 'Change or cancel a round table (If-Match)', params: FamilyItemParams, body: MeetingPatch, response: { 200: Meeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const meeting = await inFamily(db, req, (tx, scope) => updateMeeting(tx, req.ctx, scope, req.params.itemId, expected, req.body));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.delete(`${base}/:itemId`, { schema: { tags, summary: 'Remove a round table (kept in the history)', params: FamilyItemParams } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    await inFamily(db, req, (tx, scope) => deleteMeeting(tx, req.ctx, scope, req.params.itemId, expected));
    return reply.code(204).send();
  });

  app.post(`${base}/:itemId/items`, { schema: { tags, summary: 'Add an agenda item (If-Match on the meeting)', params: FamilyItemParams, body: MeetingItemInput, response: { 200: Meeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const meeting = await inFamily(db, req, (tx, scope) => addAgendaItem(tx, req.ctx, scope, req.params.itemId, expected, req.body));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.patch(`${base}/:itemId/items/:agendaItemId`, { schema: { tags, summary: 'Change an agenda item: times, title, who is invited (If-Match on the meeting)', params: MeetingItemParams, body: MeetingItemPatch, response: { 200: Meeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const meeting = await inFamily(db, req, (tx, scope) => updateAgendaItem(tx, req.ctx, scope, req.params.itemId, req.params.agendaItemId, expected, req.body));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.delete(`${base}/:itemId/items/:agendaItemId`, { schema: { tags, summary: 'Remove an agenda item (If-Match on the meeting)', params: MeetingItemParams, response: { 200: Meeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const meeting = await inFamily(db, req, (tx, scope) => deleteAgendaItem(tx, req.ctx, scope, req.params.itemId, req.params.agendaItemId, expected));
    setEtag(reply, meeting.version);
    return meeting;
  });

  app.post(`${base}/:itemId/invitations`, { schema: { tags, summary: 'Mail the invitations, each with an .ics of that person\'s agenda items', params: FamilyItemParams, body: InvitationsInput, response: { 200: InvitationsResult } } },
    async (req) => ({ sent: await inFamily(db, req, (tx, scope) => sendInvitations(tx, req.ctx, scope, req.params.itemId, req.body.onlyNew, config.publicUrl, clock())) }));

  app.put(`${base}/:itemId/reply`, { schema: { tags, summary: 'Answer an invitation: yes, no or maybe', params: FamilyItemParams, body: MeetingReplyInput, response: { 200: Meeting } } },
    async (req) => inFamily(db, req, (tx, scope) => replyToMeeting(tx, req.ctx, requireInCircle(scope), req.params.itemId, req.body.reply)));

  app.put(`${base}/:itemId/attendance`, { schema: { tags, summary: 'Record who was there, per agenda item (If-Match on the meeting)', params: FamilyItemParams, body: AttendanceInput, response: { 200: Meeting } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const meeting = await inFamily(db, req, (tx, scope) => recordAttendance(tx, req.ctx, scope, req.params.itemId, expected, req.body.entries));
    setEtag(reply, meeting.version);
    return meeting;
  });

  const notes = `${base}/:itemId/items/:agendaItemId/notes`;
  app.post(notes, { schema: { tags, summary: 'A note on an agenda item', params: MeetingItemParams, body: MeetingNoteInput, response: { 201: MeetingNote } } }, async (req, reply) => {
    const created = await createInFamily(db, req, (tx, scope) => addNote(tx, req.ctx, scope, req.params.itemId, req.params.agendaItemId, req.body.text));
    setEtag(reply, created.body.version);
    return reply.code(201).send(created.body);
  });

  app.patch(`${notes}/:noteId`, { schema: { tags, summary: 'Change a note (If-Match)', params: MeetingNoteParams, body: MeetingNotePatch, response: { 200: MeetingNote } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const note = await inFamily(db, req, (tx, scope) => updateNote(tx, req.ctx, scope, req.params.itemId, req.params.agendaItemId, req.params.noteId, expected, req.body.text));
    setEtag(reply, note.version);
    return note;
  });

  app.post(`${notes}/:noteId/agreement`, { schema: { tags, summary: 'Turn a note into a plan agreement in one action (If-Match on the note)', params: MeetingNoteParams, body: NoteToAgreementInput, response: { 201: z.object({ note: MeetingNote, agreement: Agreement }) } } }, async (req, reply) => {
    const expected = requireIfMatch(req);
    const result = await inFamily(db, req, (tx, scope) => noteToAgreement(tx, req.ctx, scope, req.params.itemId, req.params.agendaItemId, req.params.noteId, expected, req.body, clock()));
    setEtag(reply, result.note.version);
    return reply.code(201).send(result);
  });
}
