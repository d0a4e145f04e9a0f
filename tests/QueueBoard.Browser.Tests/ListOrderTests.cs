namespace QueueBoard.Browser.Tests;

/// <summary>
/// How a live list takes its new order (<c>reconcileChildren</c> in <c>dom.js</c>, run in Chromium): the resident
/// board, the command centre and the walls re-sort their rows on every push, and at a district's peak that is a thousand
/// rows a second. The rows already in order among themselves stay where they are and only the others move, so a row
/// that drops down the list is one move, not one for every row it passes, and focus stays on the row that had it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ListOrderTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_row_that_drops_down_a_long_list_is_the_only_row_moved()
    {
        var result = await browser.RunOnTheBoardPageAsync(
            """
            async () => {
              const { reconcileChildren } = await import('/js/dom.js');
              const list = document.createElement('ul');
              document.body.append(list);
              const rows = Array.from({ length: 200 }, (_, i) => Object.assign(document.createElement('li'), { textContent: `r${i}`, tabIndex: 0 }));
              reconcileChildren(list, rows);

              const moves = async (order) => {
                let moved = 0;
                const watch = new MutationObserver((records) => { for (const r of records) moved += r.addedNodes.length; });
                watch.observe(list, { childList: true });
                reconcileChildren(list, order);
                await new Promise((done) => setTimeout(done, 0));
                watch.disconnect();
                const right = [...list.children].every((child, i) => child === order[i]) && list.children.length === order.length;
                return [moved, right];
              };

              // Row 10 falls to place 150: the rows it passes keep their places among themselves.
              const dropped = rows.filter((_, i) => i !== 10);
              dropped.splice(150, 0, rows[10]);
              rows[10].focus();
              const drop = await moves(dropped);
              const focusKept = document.activeElement === rows[10];

              // Row 180 climbs to the top.
              const climbed = [dropped[180], ...dropped.filter((_, i) => i !== 180)];
              const climb = await moves(climbed);

              // A shuffle with rows gone and new ones in: whatever the order, the list ends in it.
              const fresh = Array.from({ length: 20 }, (_, i) => Object.assign(document.createElement('li'), { textContent: `n${i}` }));
              const shuffled = [...climbed.slice(30), ...fresh];
              let seed = 12345;
              for (let i = shuffled.length - 1; i > 0; i--) {
                seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
                const j = seed % (i + 1);
                [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
              }
              const shuffle = await moves(shuffled);
              return { drop, focusKept, climb, shuffleRight: shuffle[1] };
            }
            """);

        Assert.Equal(1, result.GetProperty("drop")[0].GetInt32());
        Assert.True(result.GetProperty("drop")[1].GetBoolean());
        Assert.True(result.GetProperty("focusKept").GetBoolean());
        Assert.Equal(1, result.GetProperty("climb")[0].GetInt32());
        Assert.True(result.GetProperty("climb")[1].GetBoolean());
        Assert.True(result.GetProperty("shuffleRight").GetBoolean());
    }
}
