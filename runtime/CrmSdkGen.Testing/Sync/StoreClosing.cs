using System;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.Testing.Sync;

/// <summary>How the test classes let go of a store by default: disposed, asynchronously where it can be.</summary>
internal static class StoreClosing
{
    public static async ValueTask CloseAsync(ISyncStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
