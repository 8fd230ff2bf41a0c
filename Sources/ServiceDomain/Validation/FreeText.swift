import Foundation
import SafeText

/// Text a person typed or a file imported: names, concerns, notes. It is stored and later drawn on a
/// terminal, so nothing in it may talk to the terminal (move the cursor, set colors or the title, reorder text).
public enum FreeText {
    /// `ControlText.strip` (the one sanitizer, shared with the screen buffer: controls, escape
    /// sequences, bidi and invisible marks removed; tabs and line breaks become one space, CR LF
    /// counting as one), then trimmed.
    public static func sanitize(_ raw: String) -> String {
        isClean(raw) ? raw : sanitizeInFull(raw)
    }

    /// `sanitize` without the shortcut for clean text.
    static func sanitizeInFull(_ raw: String) -> String {
        // CR LF is one line break, so one space.
        ControlText.strip(raw.replacingOccurrences(of: "\r\n", with: "\n")).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when `sanitize` would return the text as it is (the common case, checked without
    /// building a copy): no character it removes or replaces, and no white space at either end.
    static func isClean(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return true }
        if isSpace(first) || isSpace(last) { return false }
        return !scalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && isUnsafe($0)) }
    }

    /// What trimming `.whitespacesAndNewlines` removes at the ends (and a little more, to be safe).
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x21 || (0x7F...0xA0).contains(s.value) { return true }
        guard s.value > 0x7F else { return false }
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return s.properties.isWhitespace
        }
    }

    /// Sanitizes, then checks the length in characters (as the clerk counts them). An empty result
    /// is an error only when `required`.
    public static func clean(_ raw: String, field: Field, maxLength: Int, required: Bool = false) throws -> String {
        let text = sanitize(raw)
        let label = field.label
        if text.isEmpty {
            if required {
                throw ValidationError(field, zh: "请填写\(label.zh)", en: "\(label.en) is required")
            }
            return text
        }
        let count = text.count
        if count > maxLength {
            throw ValidationError(
                field,
                zh: "\(label.zh)最多 \(maxLength) 个字，现在有 \(count) 个字，请删减",
                en: "\(label.en) is too long: \(count) characters, at most \(maxLength) allowed")
        }
        return text
    }

    /// `clean` for notes: the line breaks people typed are kept (as `\n`; CR LF and CR become one),
    /// each line is sanitized on its own, blank lines at either end are dropped.
    public static func cleanKeepingLines(_ raw: String, field: Field, maxLength: Int) throws -> String {
        if isClean(raw) { return try clean(raw, field: field, maxLength: maxLength) }
        let unified = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = unified.split(omittingEmptySubsequences: false) { c in
            c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\r\n"
        }.map { sanitize(String($0)) }
        let kept = lines.drop(while: \.isEmpty).reversed().drop(while: \.isEmpty).reversed()
        let text = kept.joined(separator: "\n")
        if text.count > maxLength {
            throw ValidationError(
                field,
                zh: "\(field.label.zh)最多 \(maxLength) 个字，现在有 \(text.count) 个字，请删减",
                en: "\(field.label.en) is too long: \(text.count) characters, at most \(maxLength) allowed")
        }
        return text
    }

    /// Control characters and direction changes: what a name must never hold (see `ControlText`).
    static func isControlOrDirection(_ s: Unicode.Scalar) -> Bool { ControlText.isControlOrDirection(s) }

    /// Characters that must never reach the terminal on their own (see `ControlText`).
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool { ControlText.isUnsafe(s) }
}
