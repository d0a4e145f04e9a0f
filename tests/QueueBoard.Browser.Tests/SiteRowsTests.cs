using System.Text.Json;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// How the screens lay board messages over the rows they hold (<c>site-rows.js</c>, run in Chromium): a push, the
/// watch's own answer and a read can overtake one another, and a field never goes back to an older message's value,
/// even when, like <c>stale</c>, it changed while <c>updatedAt</c> stood still. The resident board orders them by the
/// board's versions; the command centre and walls, on the full feed without versions, take from a read only the rows no
/// push has brought since it was sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteRowsTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_message_overtaken_by_a_newer_one_never_puts_an_older_value_back()
    {
        var result = await browser.RunOnTheBoardPageAsync(
            """
            async () => {
              const { createFieldVersions, mergeChanges, mergeRead } = await import('/js/site-rows.js');
              const rows = new Map();
              const versions = createFieldVersions();
              const at = '2026-11-29T08:00:00.000Z';
              const fields = ['queueLength', 'stale', 'updatedAt'];
              const seen = [];
              const look = () => { const r = rows.get('s'); seen.push([r.queueLength, r.stale, r.name]); };

              mergeRead(rows, [{ id: 's', name: '甲', queueLength: 5, stale: true, updatedAt: at }], 'e-10', versions);
              look();
              // A push made at version 20: the site reports again; only `stale` moved (updatedAt stands still).
              mergeChanges(rows, { version: 'e-20', fields, rows: [['s', 2, false]] }, versions);
              look();
              // The watch's own answer, taken at 15, arrives after it: its queue is news, its `stale` is not.
              mergeChanges(rows, { version: 'e-15', fields, rows: [['s', 3, 6, true]] }, versions);
              look();
              // A read answered late, taken at 12: nothing in it is news.
              mergeRead(rows, [{ id: 's', name: '甲', queueLength: 5, stale: true, updatedAt: at }], 'e-12', versions);
              look();
              // The district restarted: its versions count from nothing, and are taken.
              mergeChanges(rows, { version: 'f-1', fields, rows: [['s', 3, 9, true]] }, versions);
              look();
              return seen;
            }
            """);

        var seen = result.EnumerateArray().Select(r => $"{r[0].GetInt32()} {r[1].GetBoolean()} {r[2].GetString()}");
        Assert.Equal(["5 True 甲", "5 False 甲", "6 False 甲", "6 False 甲", "9 True 甲"], seen);
    }

    [Fact]
    public async Task A_read_answered_after_a_push_of_its_rows_does_not_put_their_older_values_back()
    {
        var result = await browser.RunOnTheBoardPageAsync(
            """
            async () => {
              const { createReadGuard, mergeRows } = await import('/js/site-rows.js');
              const rows = new Map();
              const reads = createReadGuard();
              const at = '2026-11-30T08:00:00.000Z';
              const later = '2026-11-30T08:00:05.000Z';
              const push = (list) => { reads.pushed(list); mergeRows(rows, list); };
              const look = () => [rows.get('s').stale, rows.get('s').open, rows.get('t').open];
              const seen = [];

              push([{ id: 's', open: true, stale: false, updatedAt: at }, { id: 't', open: true, stale: false, updatedAt: at }]);
              // The command centre reconnects and reads the board; while the read is under way, s falls silent.
              const mark = reads.mark();
              push([{ id: 's', open: true, stale: true, updatedAt: at }]);
              // The read was answered before that push: its s is older, its t is news.
              mergeRows(rows, reads.unpushed([{ id: 's', open: true, stale: false, updatedAt: at }, { id: 't', open: false, stale: false, updatedAt: later }], mark));
              seen.push(look());
              // A read sent after the push takes s again.
              const next = reads.mark();
              mergeRows(rows, reads.unpushed([{ id: 's', open: false, stale: true, updatedAt: at }], next));
              seen.push(look());
              return seen;
            }
            """);

        var seen = result.EnumerateArray().Select(r => string.Join(' ', r.EnumerateArray().Select(v => v.GetBoolean())));
        Assert.Equal(["True True False", "True False False"], seen);
    }

    [Fact]
    public async Task A_packed_row_is_laid_over_the_site_at_its_place_in_the_read_with_its_age_as_the_instant_it_names()
    {
        var result = await browser.RunOnTheBoardPageAsync(
            """
            async () => {
              const { createFieldVersions, mergeChanges, mergeRead } = await import('/js/site-rows.js');
              const rows = new Map();
              const versions = createFieldVersions();
              const fields = ['updatedAt', 'queueLength', 'stale'];
              const at = Date.parse('2026-12-06T03:00:00.500Z');
              const earlier = '2026-12-06T02:00:00.000Z';
              mergeRead(rows, [{ id: 's', queueLength: 1, updatedAt: earlier }, { id: 't', queueLength: 1, updatedAt: earlier }], 'e-1', versions);
              // WatchBoardPacked: t is 1 and s is 0, by their places in the read; u, created since, comes whole with its id;
              // a number neither the read nor the message names is left for a read of the board.
              const { unknown } = mergeChanges(rows, { version: 'e-2', at, fields, ids: { 2: 'u' },
                rows: [[1, 3, 0, 7], [0, 3, 250, 4], [2, 7, 40, 2, false], [5, 3, 0, 1]] }, versions);
              const packed = [rows.get('s').updatedAt, rows.get('s').queueLength, rows.get('t').updatedAt, rows.get('t').queueLength,
                rows.get('u').updatedAt, rows.get('u').queueLength, unknown.join()];
              // The older form, from a hub that names sites by id and times as Unix milliseconds.
              mergeChanges(rows, { version: 'e-3', fields, rows: [['s', 3, at + 1000, 5]] }, versions);
              // After a restart the numbers start again: the new epoch's message names its sites afresh. A packed push
              // has no field names of its own: those of the messages before it hold.
              mergeChanges(rows, { version: 'f-1', at, ids: { 0: 't', 1: 's' }, rows: [[1, 3, 0, 9]] }, versions);
              return [...packed, rows.get('s').updatedAt, rows.get('s').queueLength, rows.get('t').queueLength];
            }
            """);

        Assert.Equal(
            ["2026-12-06T03:00:00.250Z", "4", "2026-12-06T03:00:00.500Z", "7", "2026-12-06T03:00:00.460Z", "2", "5", "2026-12-06T03:00:00.500Z", "9", "7"],
            result.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : v.GetString()));
    }
}
