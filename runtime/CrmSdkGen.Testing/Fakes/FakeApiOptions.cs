using System;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>How a <see cref="FakeApi"/> behaves.</summary>
public sealed class FakeApiOptions
{
    /// <summary>
    /// Whether created records are kept, so that they can be read, listed, updated and deleted (by the REST shape of
    /// the paths; see <see cref="FakeApi"/>). Default false: every answer comes from the spec.
    /// </summary>
    public bool Stateful { get; set; }

    /// <summary>Whether a request that breaks the spec is refused (401, 415 or 422) rather than only recorded. Default true.</summary>
    public bool RefuseInvalidRequests { get; set; } = true;

    /// <summary>The clock that stamps records' creation and change times. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
