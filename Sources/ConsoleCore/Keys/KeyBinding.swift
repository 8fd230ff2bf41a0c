import ScreenKit
import ServiceDomain

/// Where a binding shows in the help: a feature's own actions first, then the global commands, then the
/// keys that move through what is on screen, then the rarely needed global keys (the order of the bar).
public enum HelpSection: Sendable, Equatable { case actions, movement }

/// One line of help: the keys as shown, the bar's short label (nil keeps it out of the bar, still in
/// the `?` overlay), the overlay's text.
public struct HelpEntry: Sendable, Equatable {
    public var keys: [Key]
    public var bar: Message?
    public var help: Message
    public var section: HelpSection

    public var keyNames: String { keys.map(\.description).joined(separator: "/") }
}

/// One binding of a feature's table: the keys, the typed action each one sends, and the help that documents
/// them. A reducer switches on what the table matches, and the help is read from the same table, so a
/// documented key always does what its help says (bubbles' `key.Binding`, tig's `bind <keymap> <key> <action>`).
public struct KeyBinding<Action: Sendable>: Sendable {
    /// Shown keys with their actions (`↑` up, `↓` down share one help line).
    public var pairs: [(key: Key, action: Action)]
    /// Keys that also match but are not listed (upper-case twins of letters, Home/End beside ↑/↓).
    public var aliases: [(key: Key, action: Action)]
    public var bar: Message?
    public var help: Message
    public var section: HelpSection

    /// Keys that all send `action`; `label` is the help text and, when `bar` is true, the bar's label.
    public init(_ keys: [Key], _ action: Action, _ label: Message, bar: Bool = true, help: Message? = nil,
                section: HelpSection = .actions, also: [Key] = []) {
        self.init(pairs: keys.map { ($0, action) }, label, bar: bar, help: help, section: section,
                  also: also.map { ($0, action) })
    }

    /// Keys each with its own action under one help line (`↑`/`↓`, `←`/`→`).
    public init(pairs: [(Key, Action)], _ label: Message, bar: Bool = true, help: Message? = nil,
                section: HelpSection = .actions, also: [(Key, Action)] = []) {
        self.pairs = pairs.map { (key: $0.0, action: $0.1) }
        self.aliases = also.map { (key: $0.0, action: $0.1) }
        self.bar = bar ? label : nil
        self.help = help ?? label
        self.section = section
    }

    public var keys: [Key] { pairs.map(\.key) }

    func action(for key: Key) -> Action? {
        pairs.first { $0.key == key }?.action ?? aliases.first { $0.key == key }?.action
    }

    /// The same binding sending another action type (a shared table embedded in a feature's).
    public func map<B: Sendable>(_ transform: (Action) -> B) -> KeyBinding<B> {
        var b = KeyBinding<B>(pairs: pairs.map { ($0.key, transform($0.action)) }, help, bar: false, section: section,
                              also: aliases.map { ($0.key, transform($0.action)) })
        b.bar = bar
        return b
    }

    /// Drops the keys `keep` refuses (plain letters while typing); nil when no shown key is left.
    func filtered(_ keep: (Key) -> Bool) -> KeyBinding? {
        var b = self
        b.pairs = pairs.filter { keep($0.key) }
        b.aliases = aliases.filter { keep($0.key) }
        return b.pairs.isEmpty ? nil : b
    }
}

/// The bindings of one mode (a list, a card, a form, a dialog) of one feature.
public struct KeyTable<Action: Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]
    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The action `key` sends in this mode; nil when the key is not bound here (text for a field, or nothing).
    public func match(_ key: Key) -> Action? {
        for binding in bindings { if let action = binding.action(for: key) { return action } }
        return nil
    }

    public var help: [HelpEntry] {
        // A binding of aliases only (a key that swallows, an upper-case twin) has no line of its own.
        bindings.filter { !$0.pairs.isEmpty }
            .map { HelpEntry(keys: $0.keys, bar: $0.bar, help: $0.help, section: $0.section) }
    }

    public func map<B: Sendable>(_ transform: (Action) -> B) -> KeyTable<B> {
        KeyTable<B>(bindings.map { $0.map(transform) })
    }

    public func filtered(_ keep: (Key) -> Bool) -> KeyTable {
        KeyTable(bindings.compactMap { $0.filtered(keep) })
    }

    public static func + (lhs: KeyTable, rhs: KeyTable) -> KeyTable { KeyTable(lhs.bindings + rhs.bindings) }
}

extension Key {
    /// A plain printable character: typed into a field while one has the keyboard.
    public var isPlainCharacter: Bool {
        if case .character = self { return true }
        return false
    }
}

/// What the user is looking at, for the help and for which global keys apply.
public enum KeyMode: Sendable, Equatable {
    /// A list or table has the selection (perhaps under a search line).
    case list
    /// One record opened (a customer card, an order, a complaint).
    case card
    /// A form of several fields: Tab moves between them.
    case form
    /// A picker, a one-line prompt or a question in front of the panel.
    case dialog
}

/// The keys of the mode a feature is in: its mode, whether a text field has the keyboard, and the help read
/// from the table its reducer matches against.
public struct ModeKeys: Sendable, Equatable {
    public var mode: KeyMode
    /// Plain letters are typed into a field (global letter keys such as `q` and `?` are off).
    public var typing: Bool
    public var help: [HelpEntry]

    public init<A>(_ mode: KeyMode, typing: Bool = false, _ table: KeyTable<A>) {
        self.mode = mode
        self.typing = typing
        self.help = table.help
    }

    /// Tab moves between the form's fields instead of switching panels.
    public var fieldsTakeTab: Bool { mode == .form }
}
