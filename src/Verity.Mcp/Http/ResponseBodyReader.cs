using System.Buffers;

namespace Verity.Mcp.Http;

/// <summary>Reads a response body as a stream, keeping at most a given number of bytes.</summary>
internal static class ResponseBodyReader
{
    /// <summary>Past the limit, bytes are only counted (to report the cut) up to this many more.</summary>
    internal const long CountBeyondLimit = 16L * 1024 * 1024;

    public readonly record struct Body(byte[] Buffer, int Length, long? TotalLength, bool Truncated);

    public static async Task<Body> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var initial = (int)Math.Min(maxBytes, declared is > 0 ? declared.Value : 16 * 1024);
        var buffer = new byte[Math.Max(initial, 1)];
        var length = 0;

        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        while (length < maxBytes)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new Body(buffer, length, length, Truncated: false);
            }

            length += read;
        }

        if (declared is { } total)
        {
            // The server said how long the body is: no need to read what will not be shown.
            return total > length
                ? new Body(buffer, length, total, Truncated: true)
                : await EndOrCountAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false);
        }

        return await EndOrCountAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Body> EndOrCountAsync(Stream stream, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long beyond = 0;
            while (beyond <= CountBeyondLimit)
            {
                var read = await stream.ReadAsync(scratch, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new Body(buffer, length, length + beyond, Truncated: beyond > 0);
                }

                beyond += read;
            }

            return new Body(buffer, length, TotalLength: null, Truncated: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
