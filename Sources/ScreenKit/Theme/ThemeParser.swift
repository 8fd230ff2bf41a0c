/// Reads the line-based theme format:
///
/// ```
/// # comment (a '#' at the start of a line or of a word; '#ff0000' after '=' is a color)
/// @name High contrast
/// # role             foreground (truecolor/256/8)   background            attributes   no-color terminals
/// normal             fg=default                     bg=default
/// panel.title.focus  fg=#ffd75f/221/yellow          bg=default            bold         mono=bold,reverse
/// selection          fg=#000000/16/black            bg=#87afff/111/cyan                mono=reverse
/// ```
///
/// Each role line sets any of `fg=`, `bg=`, bare attributes (`bold underline reverse dim blink`,
/// or `none` to clear inherited ones) and `mono=` (attributes used instead when the terminal has no
/// colors). Anything a line leaves out is inherited from the parent role (see `Theme`).
/// A color lists up to three alternatives separated by '/': `#rrggbb` for truecolor, `0-255` for
/// 256-color terminals, and a name (`red`, `bright-red`, `default`) for 8/16-color terminals.
enum ThemeParser {
    static let maximumBytes = 256 * 1024

    static let colorNames: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    ]

    static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim, "blink": .blink, "none": [],
    ]

    static func parse(_ text: String, fileName: String) throws(ThemeError) -> Theme {
        var name: String?
        var entries: [StyleRole: ThemeEntry] = [:]
        var lineNumber = 0
        // isNewline also splits "\r\n", which Swift treats as one Character.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            func fail(_ problem: ThemeError.Problem) -> ThemeError {
                ThemeError(file: fileName, line: lineNumber, problem: problem)
            }
            let words = significantWords(of: rawLine)
            guard let first = words.first else { continue }

            if first.hasPrefix("@") {
                guard first == "@name", words.count > 1 else { throw fail(.invalidDirective(String(first))) }
                name = words.dropFirst().joined(separator: " ")
                continue
            }

            let role = String(first)
            guard isValidRoleName(role) else { throw fail(.invalidRoleName(role)) }
            if let earlier = entries[StyleRole(role)] { throw fail(.duplicateRole(role, firstLine: earlier.line)) }
            guard words.count > 1 else { throw fail(.roleWithoutSettings(role)) }

            var entry = ThemeEntry(line: lineNumber)
            for word in words.dropFirst() {
                if let eq = word.firstIndex(of: "=") {
                    let key = String(word[..<eq]).lowercased()
                    let value = String(word[word.index(after: eq)...])
                    guard !value.isEmpty else { throw fail(.missingValue(key)) }
                    switch key {
                    case "fg":
                        guard entry.fg == nil else { throw fail(.duplicateSetting("fg")) }
                        entry.fg = try color(value, fail: fail)
                    case "bg":
                        guard entry.bg == nil else { throw fail(.duplicateSetting("bg")) }
                        entry.bg = try color(value, fail: fail)
                    case "mono":
                        guard entry.mono == nil else { throw fail(.duplicateSetting("mono")) }
                        entry.mono = try attributes(value, fail: fail)
                    default:
                        throw fail(.unknownSetting(String(word)))
                    }
                } else {
                    let more = try attributes(String(word), fail: fail)
                    entry.attributes = (entry.attributes ?? []).union(more)
                }
            }
            entries[StyleRole(role)] = entry
        }
        return Theme(name: name ?? defaultName(for: fileName), entries: entries)
    }

    /// The words before any comment.
    static func significantWords(of line: Substring) -> [Substring] {
        var words: [Substring] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            if word.hasPrefix("#") { break }
            words.append(word)
        }
        return words
    }

    static func isValidRoleName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { s in
                (s.value < 0x80) && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_")
            }
        }
    }

    static func color(_ value: String, fail: (ThemeError.Problem) -> ThemeError) throws(ThemeError) -> ThemeColor {
        var result = ThemeColor()
        for part in value.split(separator: "/", omittingEmptySubsequences: false) {
            let p = part.lowercased()
            if p.hasPrefix("#") {
                guard let rgb = hexColor(p.dropFirst()) else { throw fail(.unknownColor(String(part))) }
                guard result.rgb == nil else { throw fail(.duplicateColorForm(value)) }
                result.rgb = rgb
            } else if !p.isEmpty, p.allSatisfy(\.isASCII), p.allSatisfy(\.isNumber) {
                guard let n = Int(p), (0...255).contains(n) else { throw fail(.colorOutOfRange(String(part))) }
                guard result.index256 == nil else { throw fail(.duplicateColorForm(value)) }
                result.index256 = n
            } else if let basic = namedColor(p) {
                guard result.basic == nil else { throw fail(.duplicateColorForm(value)) }
                result.basic = basic
            } else {
                throw fail(.unknownColor(String(part)))
            }
        }
        // `default` alone means the terminal's default at every depth.
        if result.basic == .default, result.rgb == nil, result.index256 == nil { return .terminalDefault }
        return result
    }

    static func namedColor(_ name: String) -> TerminalColor? {
        if name == "default" { return .default }
        if let n = colorNames[name] { return .ansi(n) }
        for prefix in ["bright-", "bright", "light-"] where name.hasPrefix(prefix) {
            if let n = colorNames[String(name.dropFirst(prefix.count))] { return .ansi(n + 8) }
        }
        if name == "gray" || name == "grey" { return .ansi(8) }
        return nil
    }

    static func hexColor(_ digits: Substring) -> RGB? {
        let hex = digits.count == 3 ? String(digits.flatMap { [$0, $0] }) : String(digits)
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let v = UInt32(hex, radix: 16) else { return nil }
        return RGB(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
    }

    static func attributes(_ list: String, fail: (ThemeError.Problem) -> ThemeError) throws(ThemeError) -> TextAttributes {
        var result: TextAttributes = []
        for item in list.split(separator: ",") {
            guard let a = attributeNames[item.lowercased()] else { throw fail(.unknownAttribute(String(item))) }
            result.formUnion(a)
        }
        return result
    }

    /// "themes/high-contrast.theme" → "high-contrast".
    static func defaultName(for fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        return base.hasSuffix(".theme") ? String(base.dropLast(".theme".count)) : base
    }
}

extension Theme {
    /// Parses a theme file's text. `fileName` is used in error messages and as the theme's name
    /// when the file has no `@name` line.
    public static func parse(_ text: String, fileName: String) throws(ThemeError) -> Theme {
        try ThemeParser.parse(text, fileName: fileName)
    }
}
