using CrmSdkGen.Read;

namespace CrmSdkGen.Tests.Read;

/// <summary>A finding in a bundled spec goes back to the file and node its subtree was copied from.</summary>
public sealed class PointerRoutesTests
{
    [Fact]
    public void The_longest_route_wins_whatever_order_the_routes_were_added_in()
    {
        var routes = new PointerRoutes();
        routes.Add("#/components/schemas/Deal/properties/owner", "/specs/people.yaml", "#/Person");
        routes.Add("#/components/schemas/Deal", "/specs/deals.yaml", "#/Deal");
        routes.Add("#/components/schemas/De", "/specs/other.yaml", "#/De");

        Assert.True(routes.TryRoute("#/components/schemas/Deal/properties/owner/properties/name", out var path, out var pointer));
        Assert.Equal(("/specs/people.yaml", "#/Person/properties/name"), (path, pointer));
        Assert.True(routes.TryRoute("#/components/schemas/Deal/properties/amount", out path, out pointer));
        Assert.Equal(("/specs/deals.yaml", "#/Deal/properties/amount"), (path, pointer));
    }

    [Fact]
    public void Of_equal_routes_the_last_added_wins()
    {
        var routes = new PointerRoutes();
        routes.Add("#/paths/~1deals/get/responses/200", "/specs/a.yaml", "#/Outer");
        routes.Add("#/paths/~1deals/get/responses/200", "/specs/b.yaml", "#/Inner");

        Assert.True(routes.TryRoute("#/paths/~1deals/get/responses/200/description", out var path, out var pointer));
        Assert.Equal(("/specs/b.yaml", "#/Inner/description"), (path, pointer));
    }

    [Fact]
    public void A_pointer_no_route_leads_to_stays_in_the_document()
    {
        var routes = new PointerRoutes();
        routes.Add("#/components/schemas/Deal", "/specs/deals.yaml", "#/Deal");

        Assert.False(routes.TryRoute("#/components/schemas/Dealer", out var path, out var pointer));
        Assert.Equal((string.Empty, "#/components/schemas/Dealer"), (path, pointer));
    }
}
