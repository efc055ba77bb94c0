using System;
using System.ComponentModel;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSdkGen.Runtime.DependencyInjection;

/// <summary>What the generated <c>Add{Client}</c> extensions call: a typed client on IHttpClientFactory with bound options.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiClientRegistration
{
    /// <summary>Registers <typeparamref name="TClient"/> with IHttpClientFactory and binds <typeparamref name="TOptions"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets base address, credentials, retry, timeouts and the rate limiter.</param>
    /// <param name="create">Creates the client from the factory's HttpClient and the bound options.</param>
    /// <returns>The HttpClient builder, for adding handlers or configuring the primary handler.</returns>
    public static IHttpClientBuilder AddApiClient<TClient, TOptions>(
        IServiceCollection services,
        Action<TOptions>? configure,
        Func<HttpClient, TOptions, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        var options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>((bound, provider) => bound.LoggerFactory ??= provider.GetService<ILoggerFactory>());
        // The factory's own loggers write full request URIs, where API keys may travel as query parameters; the
        // client's events name the path template instead.
        return services.AddHttpClient<TClient, TClient>((HttpClient httpClient, IServiceProvider provider) => create(httpClient, provider.GetRequiredService<IOptions<TOptions>>().Value))
            .RemoveAllLoggers();
    }
}
