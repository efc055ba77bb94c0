namespace CrmSdkGen.Read;

/// <summary>Maps UTF-8 byte offsets, which the JSON reader reports, to character offsets in the text.</summary>
internal static class Utf8Offsets
{
    public static int ToCharOffset(string text, long byteOffset)
    {
        long bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (bytes >= byteOffset)
            {
                return i;
            }

            var c = text[i];
            if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (char.IsHighSurrogate(c))
            {
                bytes += 4;
                i++;
            }
            else
            {
                bytes += 3;
            }
        }

        return text.Length;
    }
}
