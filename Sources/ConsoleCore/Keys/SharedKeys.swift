import ScreenKit
import ServiceDomain

/// A move of a list's selection.
public enum ListMove: Sendable, Equatable {
    case up, down, pageUp, pageDown, home, end

    /// The same move for a `TableState`.
    public var selectionMove: SelectionMove {
        switch self {
        case .up: .previous
        case .down: .next
        case .pageUp: .pageUp
        case .pageDown: .pageDown
        case .home: .home
        case .end: .end
        }
    }
}

extension TableState {
    /// Moves the selection as a list binding asks.
    public mutating func apply(_ move: ListMove, rowCount: Int) {
        select(move.selectionMove, rowCount: rowCount)
    }
}

/// The movement keys every list shares; a feature embeds them in its list table with `map`.
public enum ListKeys {
    /// ↑/↓ and PgUp/PgDn; Home/End also match (not listed, as before).
    public static let moves = KeyTable<ListMove>([
        KeyBinding(pairs: [(.up, .up), (.down, .down)], Strings.keyMove, section: .movement,
                   also: [(.home, .home), (.end, .end)]),
        KeyBinding(pairs: [(.pageUp, .pageUp), (.pageDown, .pageDown)], Strings.keyPage, bar: false, section: .movement),
    ])
    /// ↑/↓ and PgUp/PgDn under a search line: Home/End stay with the line being typed.
    public static let underSearch = KeyTable<ListMove>([
        KeyBinding(pairs: [(.up, .up), (.down, .down)], Strings.keyMove, section: .movement),
        KeyBinding(pairs: [(.pageUp, .pageUp), (.pageDown, .pageDown)], Strings.keyPage, bar: false, section: .movement),
    ])
    /// ↑/↓ only (a picker, a short list of choices).
    public static let upDown = KeyTable<ListMove>([
        KeyBinding(pairs: [(.up, .up), (.down, .down)], Strings.keyMove, section: .movement),
    ])
    /// ↑/↓ with Home/End (not listed).
    public static let upDownHomeEnd = KeyTable<ListMove>([
        KeyBinding(pairs: [(.up, .up), (.down, .down)], Strings.keyMove, section: .movement,
                   also: [(.home, .home), (.end, .end)]),
    ])
}

/// What the keys of a dialog do: a picker's choices, a one-line prompt, a question.
public enum DialogAction: Sendable, Equatable {
    case move(ListMove)
    case choose
    case submit
}

/// The tables of the dialogs every feature opens the same way.
public enum DialogKeys {
    /// A picker: ↑/↓ and Enter (an option's own letter also picks it; the picker shows those).
    public static let picker = ListKeys.upDown.map(DialogAction.move) + KeyTable([
        KeyBinding([.enter], .choose, Strings.keyOpen, section: .movement),
    ])
    /// One line of text: Enter saves it (the prompt's hint line says so; the bar keeps the global keys).
    public static let prompt = KeyTable<DialogAction>([KeyBinding([.enter], .submit, KeyStrings.save, bar: false)])
    /// A question of a script: Enter answers it and goes to the next.
    public static let question = KeyTable<DialogAction>([KeyBinding([.enter], .submit, KeyStrings.nextQuestion, bar: false)])
}

/// What the shell does for a key, whatever the panel.
public enum GlobalAction: Sendable, Equatable {
    case help, quit, toggleLanguage, back, nextPanel, previousPanel, audit, redraw, suspend
    case show(Panel)
}

/// The shell's bindings. The table for a mode drops plain letters while a field has the keyboard and Tab
/// while a form's fields take it, so the help shows only what works there.
public enum GlobalKeys {
    /// Help, quit, language, back and the panel cycle: shown right after the feature's own actions.
    static let primary: [KeyBinding<GlobalAction>] = [
        KeyBinding([.function(1), .character("?")], .help, Strings.keyHelp),
        KeyBinding([.ctrl("q"), .ctrl("c"), .function(10), .character("q")], .quit, Strings.keyQuit),
        KeyBinding([.function(12), .alt("l")], .toggleLanguage, Strings.keyLanguage),
        KeyBinding([.escape], .back, Strings.keyBack),
        KeyBinding([.tab], .nextPanel, Strings.keyNextPanel, bar: false),
        KeyBinding([.backTab], .previousPanel, Strings.keyPrevPanel, bar: false),
    ]

    /// The audit trail, redraw, suspend and the panels: shown last.
    static let secondary: [KeyBinding<GlobalAction>] = [
        KeyBinding([.ctrl("t")], .audit, Strings.keyAudit, bar: false),
        KeyBinding([.ctrl("l")], .redraw, Strings.keyRedraw, bar: false),
        KeyBinding([.ctrl("z")], .suspend, Strings.keySuspend, bar: false),
    ] + Panel.allCases.enumerated().map { index, panel in
        let digit = Character(String(index + 1))
        return KeyBinding([.function(panel.functionKey), .alt(digit), .character(digit)], .show(panel), panel.title, bar: false)
    }

    /// The global bindings that work in `keys`' mode: (shown before, shown after) the feature's movement keys.
    static func tables(for keys: ModeKeys) -> (primary: KeyTable<GlobalAction>, secondary: KeyTable<GlobalAction>) {
        func keep(_ key: Key) -> Bool {
            if keys.typing, key.isPlainCharacter { return false }
            if keys.fieldsTakeTab, key == .tab || key == .backTab { return false }
            return true
        }
        return (KeyTable(primary).filtered(keep), KeyTable(secondary).filtered(keep))
    }

    public static func table(for keys: ModeKeys) -> KeyTable<GlobalAction> {
        let t = tables(for: keys)
        return t.primary + t.secondary
    }
}

/// The keys of the overlays the shell owns.
enum OverlayKeys {
    enum HelpAction: Sendable, Equatable { case close, quit }
    /// The `?`/F1 overlay: any of these closes it.
    static let help = KeyTable<HelpAction>([
        KeyBinding([.escape, .function(1), .character("?"), .enter], .close, Strings.keyBack),
        KeyBinding([.ctrl("q"), .function(10)], .quit, Strings.keyQuit),
    ])

    enum QuitAnswer: Sendable, Equatable { case yes, no }
    /// "Quit without saving?": y quits, n or Esc stays.
    static let confirmQuit = KeyTable<QuitAnswer>([
        KeyBinding([.character("y")], .yes, Strings.keyQuit, also: [.character("Y")]),
        KeyBinding([.character("n"), .escape], .no, Strings.keyBack, also: [.character("N")]),
    ])
}
