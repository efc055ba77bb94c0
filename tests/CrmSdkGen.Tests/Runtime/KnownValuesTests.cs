using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Tests.Runtime;

public sealed class KnownValuesTests
{
    [Fact]
    public void Listed_values_are_known_and_compared_ordinally()
    {
        var known = new KnownValues(["Etc/GMT0", "GMT0", "charge_automatically"]);

        Assert.True(known.Contains("Etc/GMT0"));
        Assert.True(known.Contains("GMT0"));
        Assert.True(known.Contains("charge_automatically"));
        Assert.False(known.Contains("gmt0"));
        Assert.False(known.Contains("charge_automatically "));
        Assert.False(known.Contains(string.Empty));
    }

    [Fact]
    public void An_enumeration_without_listed_values_knows_none()
    {
        Assert.False(new KnownValues([]).Contains(string.Empty));
    }

    [Fact]
    public void Hundreds_of_values_are_all_found()
    {
        var values = Enumerable.Range(0, 600).Select(index => "zone/" + index).ToArray();
        var known = new KnownValues(values);

        Assert.All(values, value => Assert.True(known.Contains(value)));
        Assert.False(known.Contains("zone/600"));
    }
}
