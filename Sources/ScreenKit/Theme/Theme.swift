/// What a role looks like on one terminal: colors already picked for its depth, plus attributes.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var attributes: TextAttributes

    public init(fg: TerminalColor = .default, bg: TerminalColor = .default, attributes: TextAttributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }
}

/// One role line of a theme file. A field left out (nil) is inherited from the parent role.
public struct ThemeEntry: Sendable, Hashable {
    public var fg: ThemeColor?
    public var bg: ThemeColor?
    public var attributes: TextAttributes?
    /// Attributes to use instead when the terminal has no colors.
    public var mono: TextAttributes?
    /// Line in the theme file, for messages.
    public var line: Int

    public init(fg: ThemeColor? = nil, bg: ThemeColor? = nil, attributes: TextAttributes? = nil,
                mono: TextAttributes? = nil, line: Int = 0) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
        self.mono = mono
        self.line = line
    }
}

/// Maps semantic style roles to colors and attributes.
///
/// Lookup walks the dotted role name from most to least specific, field by field:
/// `ro.overdue.waiter` → `ro.overdue` → `ro` → `normal`. So `dialog bg=blue` plus
/// `dialog.title fg=yellow` gives the title yellow on blue.
public struct Theme: Sendable, Equatable {
    public var name: String
    public private(set) var entries: [StyleRole: ThemeEntry]

    public init(name: String, entries: [StyleRole: ThemeEntry]) {
        self.name = name
        self.entries = entries
    }

    /// Roles the theme defines, sorted.
    public var roles: [StyleRole] { entries.keys.sorted() }

    /// The style of `role` on a terminal of `depth`.
    public func style(for role: StyleRole, depth: ColorDepth) -> ResolvedStyle {
        let chain = Theme.fallbackChain(of: role)
        let attributes = chain.lazy.compactMap { entries[$0]?.attributes }.first ?? []
        if depth == .mono {
            return ResolvedStyle(attributes: monoAttributes(chain: chain, colorAttributes: attributes))
        }
        let fg = chain.lazy.compactMap { entries[$0]?.fg }.first ?? .terminalDefault
        let bg = chain.lazy.compactMap { entries[$0]?.bg }.first ?? .terminalDefault
        return ResolvedStyle(fg: fg.resolved(for: depth), bg: bg.resolved(for: depth), attributes: attributes)
    }

    /// `ro.overdue.waiter` → [`ro.overdue.waiter`, `ro.overdue`, `ro`, `normal`].
    public static func fallbackChain(of role: StyleRole) -> [StyleRole] {
        var chain: [StyleRole] = []
        var name = Substring(role.rawValue)
        while !name.isEmpty {
            chain.append(StyleRole(String(name)))
            guard let dot = name.lastIndex(of: ".") else { break }
            name = name[..<dot]
        }
        if chain.last != .normal { chain.append(.normal) }
        return chain
    }

    /// The most specific of: an explicit `mono=` in the file (used as is), or a built-in emphasis
    /// for a known role (added to the role's attributes). Otherwise just the role's attributes.
    private func monoAttributes(chain: [StyleRole], colorAttributes: TextAttributes) -> TextAttributes {
        for role in chain {
            if let explicit = entries[role]?.mono { return explicit }
            if let builtin = Theme.builtinMonoEmphasis[role] { return builtin.union(colorAttributes) }
        }
        return colorAttributes
    }

    /// Without colors, these roles would vanish into the text around them.
    static let builtinMonoEmphasis: [StyleRole: TextAttributes] = [
        "selection": .reverse,
        "header": .reverse,
        "header.alert": [.reverse, .bold],
        "status.bar": .reverse,
        "tab.active": [.reverse, .bold],
        "panel.title": .bold,
        "panel.title.focus": [.bold, .reverse],
        "dialog.title": .bold,
        "help.key": .bold,
        "highlight": .bold,
        "input": .underline,
        "input.focus": [.underline, .bold],
        "muted": .dim,
        "status.error": [.bold, .underline],
        "status.warning": .bold,
        "ro.overdue": [.bold, .underline],
        "ro.atRisk": .bold,
        "callback.overdue": [.bold, .underline],
        "callback.due": .bold,
        "complaint.overdue": [.bold, .underline],
    ]
}
