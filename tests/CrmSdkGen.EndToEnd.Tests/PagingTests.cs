using Acme.Paging;
using Acme.Paging.Models;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The generated ...AllAsync walkers read every page of each paging pattern, lazily, from a real server.</summary>
public sealed class PagingTests : IClassFixture<PagingServer>
{
    private readonly PagingServer _server;

    public PagingTests(PagingServer server) => _server = server;

    public static TheoryData<string> Patterns => new() { "/cursor", "/offset", "/pages", "/odata", "/linked", "/after-id", "/position" };

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Every_item_of_every_page_is_read_once_in_order(string pattern)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var paging = new PagingClient(http).Paging;
        var before = _server.Requests(pattern);

        var items = await Collect(pattern switch
        {
            "/cursor" => paging.ListByCursorAllAsync(),
            "/offset" => paging.ListByOffsetAllAsync(limit: PagingServer.PageSize),
            "/pages" => paging.ListByPageAllAsync(),
            "/odata" => paging.ListByNextLinkAllAsync(),
            "/linked" => paging.ListByLinkHeaderAllAsync(),
            "/after-id" => paging.ListByLastIdAllAsync(),
            _ => paging.ListByPositionAllAsync(),
        });

        Assert.Equal(PagingServer.Names, items.Select(item => item.Id));
        Assert.Equal(PagingServer.Names.Select(name => name.ToUpperInvariant()), items.Select(item => item.Name));

        // Three pages, plus the empty page that ends offset and page-number paging, which have no other end marker.
        var expected = pattern is "/offset" or "/pages" ? 4 : 3;
        Assert.Equal(expected, _server.Requests(pattern) - before);
    }

    [Fact]
    public async Task A_page_is_fetched_only_when_the_enumeration_reaches_it()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        var paging = new PagingClient(http).Paging;
        var before = _server.Requests("/cursor");

        var firstTwo = new List<string>();
        await foreach (var item in paging.ListByCursorAllAsync())
        {
            firstTwo.Add(item.Id);
            if (firstTwo.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(new[] { "ada", "bob" }, firstTwo);
        Assert.Equal(1, _server.Requests("/cursor") - before);
    }

    [Fact]
    public async Task The_cursor_argument_is_where_the_walk_starts()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        var items = await Collect(new PagingClient(http).Paging.ListByCursorAllAsync(after: "3"));

        Assert.Equal(PagingServer.Names.Skip(3), items.Select(item => item.Id));
    }

    private static async Task<List<Item>> Collect(IAsyncEnumerable<Item> items)
    {
        var list = new List<Item>();
        await foreach (var item in items)
        {
            list.Add(item);

            // A walk that does not see the end would go on for ever; three times the items is enough to fail.
            if (list.Count > 3 * PagingServer.Names.Length)
            {
                break;
            }
        }

        return list;
    }
}
