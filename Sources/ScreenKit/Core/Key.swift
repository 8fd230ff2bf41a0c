/// A decoded key press, independent of the terminal library.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    /// Ctrl plus a letter, lower case (`.ctrl("c")`).
    case ctrl(Character)
    /// Alt/Meta plus a character (ESC prefix).
    case alt(Character)
    case function(Int)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case ctrlLeft, ctrlRight
    /// The terminal changed size.
    case resize
    case unknown(Int32)

    public var description: String {
        switch self {
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .alt(let c): return "Alt-\(c)"
        case .function(let n): return "F\(n)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .resize: return "Resize"
        case .unknown(let code): return "key(\(code))"
        }
    }
}
