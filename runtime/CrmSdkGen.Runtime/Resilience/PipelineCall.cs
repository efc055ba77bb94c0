using System.Net.Http;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>What the pipeline needs to know of the call it runs: whether another attempt is safe, and what to log.</summary>
internal abstract class PipelineCall
{
    public abstract HttpMethod Method { get; }

    public abstract string PathTemplate { get; }

    /// <summary>Whether the body can be sent again (a stream read once cannot).</summary>
    public abstract bool IsReplayable { get; }

    public abstract bool HasIdempotencyKey { get; }

    /// <summary>Attempts made so far, the current one included.</summary>
    public int Attempts { get; set; }
}
