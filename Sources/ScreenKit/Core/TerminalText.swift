/// Text on its way to the terminal: nothing a user typed or imported may move the cursor, change
/// colors, set the title or otherwise talk to the terminal.
public enum TerminalText {
    /// Removes C0/C1 controls, DEL, and whole escape sequences (CSI, OSC, DCS, …); tabs and newlines
    /// become spaces. Bidirectional overrides are removed so text cannot reorder itself on screen.
    public static func sanitize(_ text: String) -> String {
        var needsWork = false
        for s in text.unicodeScalars where isUnsafe(s) {
            needsWork = true
            break
        }
        guard needsWork else { return text }

        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.first {
            scalars = scalars.dropFirst()
            switch s.value {
            case 0x1B: // ESC: drop the sequence it starts
                scalars = dropEscapeSequence(scalars)
            case 0x9B: // C1 CSI
                scalars = dropCSIBody(scalars)
            case 0x9D, 0x90, 0x9E, 0x9F, 0x98: // C1 OSC, DCS, PM, APC, SOS: up to ST or BEL
                scalars = dropStringBody(scalars)
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            default:
                if !isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        // Bidi embeddings/overrides/isolates and the line/paragraph separators.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 { return true }
        return false
    }

    private static func dropEscapeSequence(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let next = rest.first else { return rest }
        switch next {
        case "[": return dropCSIBody(rest.dropFirst())
        case "]", "P", "^", "_", "X": return dropStringBody(rest.dropFirst())
        default:
            // Two-character escapes (ESC c, ESC 7, ESC ( B …): drop intermediates and the final byte.
            var r = rest
            while let c = r.first, (0x20...0x2F).contains(c.value) { r = r.dropFirst() }
            return r.dropFirst()
        }
    }

    private static func dropCSIBody(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var r = rest
        while let c = r.first {
            r = r.dropFirst()
            if (0x40...0x7E).contains(c.value) { break }
            if !(0x20...0x3F).contains(c.value) { break }
        }
        return r
    }

    private static func dropStringBody(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var r = rest
        while let c = r.first {
            r = r.dropFirst()
            if c.value == 0x07 || c.value == 0x9C { break }
            if c.value == 0x1B {
                if r.first == "\\" { r = r.dropFirst() }
                break
            }
        }
        return r
    }
}
