namespace CrmSdkGen.Read;

/// <summary>
/// Maps UTF-8 byte offsets, which the JSON reader reports, to character offsets in the text. Offsets must be asked in
/// increasing order; each question continues from the last answer, so a whole document costs one pass.
/// </summary>
internal sealed class Utf8Offsets
{
    private readonly string _text;
    private long _bytes;
    private int _chars;

    public Utf8Offsets(string text) => _text = text;

    public int ToCharOffset(long byteOffset)
    {
        if (byteOffset < _bytes)
        {
            _bytes = 0;
            _chars = 0;
        }

        while (_chars < _text.Length && _bytes < byteOffset)
        {
            var c = _text[_chars];
            if (c < 0x80)
            {
                _bytes += 1;
            }
            else if (c < 0x800)
            {
                _bytes += 2;
            }
            else if (char.IsHighSurrogate(c) && _chars + 1 < _text.Length)
            {
                _bytes += 4;
                _chars++;
            }
            else
            {
                _bytes += 3;
            }

            _chars++;
        }

        return _chars;
    }
}
