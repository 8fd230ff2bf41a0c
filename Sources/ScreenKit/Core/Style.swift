/// A semantic style role ("selection", "ro.overdue"). Panels name roles; a theme turns roles into colors.
/// ScreenKit defines the generic ones; the application adds its own with dotted names.
public struct StyleRole: Sendable, Hashable, Comparable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (a: StyleRole, b: StyleRole) -> Bool { a.rawValue < b.rawValue }

    public static let normal: StyleRole = "normal"
    public static let muted: StyleRole = "muted"
    public static let border: StyleRole = "border"
    public static let title: StyleRole = "panel.title"
    public static let titleFocus: StyleRole = "panel.title.focus"
    public static let selection: StyleRole = "selection"
    public static let header: StyleRole = "header"
    public static let tabActive: StyleRole = "tab.active"
    public static let tabInactive: StyleRole = "tab.inactive"
    public static let statusBar: StyleRole = "status.bar"
    public static let helpKey: StyleRole = "help.key"
    public static let helpText: StyleRole = "help.text"
    public static let input: StyleRole = "input"
    public static let inputFocus: StyleRole = "input.focus"
    public static let ok: StyleRole = "status.ok"
    public static let warning: StyleRole = "status.warning"
    public static let error: StyleRole = "status.error"
    public static let highlight: StyleRole = "highlight"
    public static let dialog: StyleRole = "dialog"
    public static let bar: StyleRole = "chart.bar"
}

/// A terminal color. A theme gives up to three per role (truecolor, 256, 8) and the backend picks by depth.
public enum TerminalColor: Sendable, Hashable {
    case `default`
    /// 0–7 (black, red, green, yellow, blue, magenta, cyan, white); 8–15 bright.
    case ansi(Int)
    /// 0–255
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
    public static let blink = TextAttributes(rawValue: 1 << 4)
}
