import SafeText

/// Text on its way to the terminal: nothing a user typed or imported may move the cursor, change
/// colors, set the title or otherwise talk to the terminal. `ScreenBuffer.put` applies it to every
/// string it writes, so views hand it text as stored and never sanitize it again.
public enum TerminalText {
    /// `ControlText.strip`: the same rule `FreeText` applies before text is stored (controls, escape
    /// sequences, bidi and invisible marks removed; tabs and line breaks become spaces), without trimming.
    @inline(__always)
    public static func sanitize(_ text: String) -> String { ControlText.strip(text) }
}
