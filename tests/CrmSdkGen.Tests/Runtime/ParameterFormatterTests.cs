using System.Globalization;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Tests.Runtime;

public sealed class ParameterFormatterTests
{
    [Fact]
    public void Values_are_formatted_the_same_in_every_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("1.5", ParameterFormatter.Format(1.5));
            Assert.Equal("1234.5", ParameterFormatter.Format(1234.5m));
            Assert.Equal("true", ParameterFormatter.Format(true));
            Assert.Equal("-42", ParameterFormatter.Format(-42L));
            Assert.Equal("2024-03-01", ParameterFormatter.Format(new DateOnly(2024, 3, 1)));
            Assert.Equal("2024-03-01T10:20:30+02:00", ParameterFormatter.Format(new DateTimeOffset(2024, 3, 1, 10, 20, 30, TimeSpan.FromHours(2))));
            Assert.Equal("2024-03-01T10:20:30.125Z".Replace("Z", "+00:00", StringComparison.Ordinal), ParameterFormatter.Format(new DateTimeOffset(2024, 3, 1, 10, 20, 30, 125, TimeSpan.Zero)));
            Assert.Equal("00000000-0000-0000-0000-000000000001", ParameterFormatter.Format(new Guid("00000000-0000-0000-0000-000000000001")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
