import ScreenKit
import ServiceDomain

/// What a key means, before any panel looks at it.
public enum Command: Sendable, Equatable {
    /// A panel's own key: documented here, handled by the panel's reducer.
    case panel(String)
    case showHelp, showAudit, quit, toggleLanguage, showPanel(Panel), nextPanel, previousPanel, back, redraw, suspend
    case moveUp, moveDown, pageUp, pageDown, moveHome, moveEnd, open
}

/// Where a binding applies.
public enum BindingScope: Sendable, Equatable {
    /// Everywhere, also while typing.
    case always
    /// Everywhere except while a text field has the keyboard (plain letters).
    case notTyping
    /// In lists and tables.
    case list
}

/// One key binding and the help text that documents it. The help bar and the `?` overlay are
/// generated from these, so a binding cannot exist without its help.
public struct KeyBinding: Sendable {
    public init(keys: [Key], command: Command, scope: BindingScope, barLabel: Message?, help: Message) {
        self.keys = keys
        self.command = command
        self.scope = scope
        self.barLabel = barLabel
        self.help = help
    }

    public var keys: [Key]
    public var command: Command
    public var scope: BindingScope
    /// Short label for the help bar; nil keeps the binding out of the bar (still in the overlay).
    public var barLabel: Message?
    public var help: Message

    public var keyNames: String { keys.map(\.description).joined(separator: "/") }
}

public enum KeyMap {
    public static let bindings: [KeyBinding] = {
        var b: [KeyBinding] = [
            KeyBinding(keys: [.function(1), .character("?")], command: .showHelp, scope: .always,
                       barLabel: Strings.keyHelp, help: Strings.keyHelp),
            KeyBinding(keys: [.ctrl("q"), .ctrl("c"), .function(10), .character("q")], command: .quit, scope: .always,
                       barLabel: Strings.keyQuit, help: Strings.keyQuit),
            KeyBinding(keys: [.function(12), .alt("l")], command: .toggleLanguage, scope: .always,
                       barLabel: Strings.keyLanguage, help: Strings.keyLanguage),
            KeyBinding(keys: [.escape], command: .back, scope: .always, barLabel: Strings.keyBack, help: Strings.keyBack),
            KeyBinding(keys: [.tab], command: .nextPanel, scope: .always, barLabel: nil, help: Strings.keyNextPanel),
            KeyBinding(keys: [.backTab], command: .previousPanel, scope: .always, barLabel: nil, help: Strings.keyPrevPanel),
            KeyBinding(keys: [.up, .down], command: .moveDown, scope: .list, barLabel: Strings.keyMove, help: Strings.keyMove),
            KeyBinding(keys: [.pageUp, .pageDown], command: .pageDown, scope: .list, barLabel: nil, help: Strings.keyPage),
            KeyBinding(keys: [.enter], command: .open, scope: .list, barLabel: Strings.keyOpen, help: Strings.keyOpen),
            KeyBinding(keys: [.ctrl("t")], command: .showAudit, scope: .always, barLabel: nil, help: Strings.keyAudit),
            KeyBinding(keys: [.ctrl("l")], command: .redraw, scope: .always, barLabel: nil, help: Strings.keyRedraw),
            KeyBinding(keys: [.ctrl("z")], command: .suspend, scope: .always, barLabel: nil, help: Strings.keySuspend),
        ]
        for panel in Panel.allCases {
            let index = Panel.allCases.firstIndex(of: panel)! + 1
            b.append(KeyBinding(keys: [.function(panel.functionKey), .alt(Character(String(index))), .character(Character(String(index)))],
                                command: .showPanel(panel), scope: .always, barLabel: nil, help: panel.title))
        }
        return b
    }()

    /// The command a key means in this state, or nil when the key is text or belongs to the panel.
    public static func command(for key: Key, in state: AppState) -> Command? {
        // Movement keys are fixed pairs; the table above documents them once.
        switch key {
        case .up: return .moveUp
        case .down: return .moveDown
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        default: break
        }
        if key == .tab || key == .backTab, PanelRouter.wantsTab(state) { return nil }
        for binding in bindings where binding.keys.contains(key) {
            if case .character = key, state.isTyping { continue }   // plain letters are typed
            if binding.scope == .list, case .enter = key { return .open }
            return binding.command
        }
        if key == .home, !state.isTyping { return .moveHome }
        if key == .end, !state.isTyping { return .moveEnd }
        return nil
    }

    /// Help bar entries for the current state: (keys, label).
    public static func helpBar(for state: AppState) -> [(keys: String, label: String)] {
        var items: [(String, String)] = []
        // Under the help overlay the bar describes the mode beneath it, as the overlay does.
        let typing = state.overlay == .help ? state.isTypingIgnoringOverlay : state.isTyping
        // The panel's own keys first: they are what the user needs now.
        for binding in PanelRouter.bindings(for: state) + bindings {
            guard let label = binding.barLabel else { continue }
            let keys = binding.keys.filter { key in
                if case .character = key { return !typing }
                if case .alt = key { return false }
                return true
            }
            guard !keys.isEmpty else { continue }
            items.append((keys.map(\.description).joined(separator: "/"), state.text(label)))
        }
        items.append(("F2-F9", state.text(Strings.keyPanels)))
        return items
    }

    /// The bindings that work in the mode the user is in, for the `?`/F1 overlay: inside a form Tab
    /// moves between fields (not panels), plain letters are typed (so `q` does not quit) and ↑/↓ move
    /// between fields rather than list rows.
    public static func helpLines(for state: AppState) -> [(keys: String, label: String)] {
        let inForm = PanelRouter.wantsTab(state)
        let typing = state.isTypingIgnoringOverlay
        var lines: [(keys: String, label: String)] = []
        for binding in PanelRouter.bindings(for: state) + bindings {
            if inForm, binding.command == .nextPanel || binding.command == .previousPanel { continue }
            if inForm, binding.scope == .list { continue }
            let keys = binding.keys.filter { key in
                if case .character = key { return !typing }
                return true
            }
            guard !keys.isEmpty else { continue }
            lines.append((keys.map(\.description).joined(separator: "/"), binding.help.text(state.language)))
        }
        return lines
    }
}
