using System;
using CrmSdkGen.Runtime.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Webhooks.Dispatching;

/// <summary>Registers the inbox and the dispatcher of CRM webhooks.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="inbox"/> (such as <c>_ => new SqliteWebhookInbox("webhooks.db")</c>) and a
    /// <see cref="WebhookDispatcher"/>, run as a hosted service, with the handlers <paramref name="configure"/> adds.
    /// </summary>
    public static IServiceCollection AddCrmWebhooks(this IServiceCollection services, Func<IServiceProvider, IWebhookInbox> inbox, Action<WebhookDispatcherOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WebhookDispatcherOptions();
        configure(options);
        services.AddSingleton(inbox);
        services.AddSingleton(provider => new WebhookDispatcher(provider.GetRequiredService<IWebhookInbox>(), options, provider.GetService<ILoggerFactory>()));
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
