import CNCurses
import ScreenKit

/// What `wget_wch` handed back: a character (`OK`) or a key code (`KEY_CODE_YES`).
enum RawInput: Sendable, Hashable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Key codes ncurses assigns at run time to terminfo's extended keys (they differ per terminal).
struct ExtendedKeyCodes: Sendable, Hashable {
    var ctrlLeft: Int32?
    var ctrlRight: Int32?

    init(ctrlLeft: Int32? = nil, ctrlRight: Int32? = nil) {
        self.ctrlLeft = ctrlLeft
        self.ctrlRight = ctrlRight
    }

    /// Looks up `kLFT5`/`kRIT5` (xterm's Ctrl-arrows) in the running terminal's description.
    static func lookUp() -> ExtendedKeyCodes {
        func code(_ capability: String) -> Int32? {
            guard let sequence = advisor_tigetstr(capability) else { return nil }
            let code = key_defined(sequence)
            return code > 0 ? code : nil
        }
        return ExtendedKeyCodes(ctrlLeft: code("kLFT5"), ctrlRight: code("kRIT5"))
    }
}

/// Turns ncurses input into `Key`s. Pure, so every mapping is unit-tested.
enum KeyDecoder {
    static let escape: UInt32 = 27

    static func decode(_ input: RawInput, extended: ExtendedKeyCodes = ExtendedKeyCodes()) -> Key {
        switch input {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code, extended: extended)
        }
    }

    /// ESC then, without waiting, `next`: a printable character means Alt plus it (terminals send Alt-x
    /// as ESC x). Anything else means ESC was pressed alone; `next` is handed back to be read next.
    static func combineEscape(followedBy next: RawInput?) -> (key: Key, pending: RawInput?) {
        if case .character(let value)? = next, case .character(let ch) = decodeCharacter(value) {
            return (.alt(ch), nil)
        }
        return (.escape, next)
    }

    static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A … Ctrl-Z, except those above (Ctrl-I is Tab, Ctrl-M/J Enter, Ctrl-H Backspace).
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0..<32, 0x80..<0xA0:
            return .unknown(Int32(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(truncatingIfNeeded: value)) }
            return .character(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32, extended: ExtendedKeyCodes) -> Key {
        if let f = functionKeyNumber(code) { return .function(f) }
        if code == extended.ctrlLeft { return .ctrlLeft }
        if code == extended.ctrlRight { return .ctrlRight }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_BEG, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        default: return .unknown(code)
        }
    }

    /// KEY_F(n) is KEY_F0 + n for n in 0...63; F0 does not exist on keyboards.
    static func functionKeyNumber(_ code: Int32) -> Int? {
        let n = Int(code) - Int(KEY_F0)
        return (1...63).contains(n) ? n : nil
    }
}
