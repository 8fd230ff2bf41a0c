// The hostile-input corpus, shared by the test targets (ServiceDomainTests, ServiceStoreTests,
// ConsoleUITests, EndToEndTests) through this small library.

/// Text a clerk could paste or a CSV file could carry that must never crash the console, be stored
/// invalid, or reach the terminal as a control sequence.
public enum HostileCorpus {
    public static let controlCharacters: [String] = [
        "\u{0}", "张\u{0}三", "\u{7}\u{7}", "a\u{8}\u{8}b", "\u{7F}", "王\r\n芳", "a\tb\nc\u{B}d\u{C}e",
        "\u{85}next line", "\u{9B}31m红字", "\u{1A}\u{18}", "\u{1F}unit", "\u{2028}\u{2029}",
    ]
    public static let escapeSequences: [String] = [
        "\u{1B}[2J\u{1B}[H清屏", "\u{1B}]0;PWNED\u{7}", "\u{1B}]52;c;cHduZWQ=\u{7}", "\u{1B}P+q544e\u{1B}\\",
        "\u{1B}[31m红\u{1B}[0m", "\u{1B}c", "\u{1B}[?1049l\u{1B}[?25l", "\u{1B}]8;;http://evil.example\u{1B}\\点我\u{1B}]8;;\u{1B}\\",
        "\u{1B}[", "\u{1B}", "\u{9D}0;title\u{9C}", "\u{1B}[6n", "\u{1B}[21t", "\u{1B}(0lqqk\u{1B}(B", "\u{1B}#8",
        "\u{1B}[1000;1000H", "\u{1B}_APC payload\u{1B}\\", "\u{1B}^PM\u{1B}\\", "\u{1B}X SOS\u{9C}",
        "\u{1B}]0;unterminated title", "\u{1B}[38;2;255;0;0m真彩\u{1B}[m",
    ]
    public static let longText: [String] = [
        String(repeating: "王", count: 10_000), String(repeating: "a", count: 100_000),
        String(repeating: "🇨🇳", count: 2_000), String(repeating: "\u{1B}[2J", count: 5_000),
        String(repeating: "e\u{301}", count: 3_000),
    ]
    public static let emoji: [String] = [
        "👨‍👩‍👧‍👦", "🇨🇳", "👍🏽", "e\u{301}\u{301}\u{301}", "\u{200D}", "❤\u{FE0F}", "🏳️‍🌈王芳", "Z̵̡̢̛̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒",
    ]
    public static let bidirectional: [String] = [
        "\u{202E}abc", "\u{2067}x\u{2069}", "\u{200F}李娜", "עברית", "مرحبا", "\u{202D}\u{202C}", "\u{061C}1",
        "13800\u{202E}138000", "\u{FEFF}王芳", "王\u{200B}芳",
    ]
    public static let fullWidth: [String] = [
        "１３８００１３８０００", "京Ａ１２３４５", "１２３４", "ＬＳＶＡＭ４１８７Ｃ２１８４８４７", "　王芳　", "２０２６－１１－２２",
    ]
    public static let csvFormulas: [String] = [
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1", "=HYPERLINK(\"http://evil\",\"x\")", "\r=1",
    ]
    public static let sqlFragments: [String] = [
        "'; DROP TABLE customer; --", "\" OR 1=1 --", "%", "_", "\\", "王芳' --", "1; DELETE FROM staff",
        "') UNION SELECT pin_hash FROM staff --", "*", "\"\"",
    ]
    public static let impossibleDates: [String] = [
        "2026-02-30", "2026-13-01", "0000-00-00", "9999-99-99", "2026-11-22T25:61", "-1", "2026/11/22",
        "22.11.2026", "1e309", "9223372036854775808", "-0", "NaN", "2026-11-31",
    ]
    public static let misc: [String] = ["", " ", "\u{3000}", "\u{FFFD}", "null", "nil", "undefined", "<script>alert(1)</script>"]

    public static var all: [String] {
        controlCharacters + escapeSequences + longText + emoji + bidirectional + fullWidth + csvFormulas
            + sqlFragments + impossibleDates + misc
    }

    /// True when `text` holds nothing a terminal would act on: no C0/C1 control, DEL, ESC, bidi control,
    /// invisible direction mark, BOM or line/paragraph separator.
    public static func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            switch s.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200B, 0x200E, 0x200F, 0x061C,
                 0x2060, 0xFEFF, 0x2028, 0x2029: true
            default: false
            }
        }
    }

    /// The weaker check for what is drawn on screen: nothing the terminal would execute or that would
    /// reorder the line (invisible marks such as U+200F may remain: they only affect their own cell).
    public static func reachesTerminalSafely(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            switch s.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
            default: false
            }
        }
    }
}
