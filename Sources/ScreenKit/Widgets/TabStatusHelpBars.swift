/// A row of tab titles with the active one highlighted (" Reception  Waiting  Delivery ").
/// When the titles do not fit they are shortened with "…", and the row scrolls to keep the active tab shown.
public struct TabBar: Sendable {
    public var titles: [String]
    /// Shorter names used when the full ones do not fit (same order); nil to only cut the full ones.
    public var shortTitles: [String]?
    public var active: Int
    public var style: BorderStyle

    public init(titles: [String], shortTitles: [String]? = nil, active: Int, style: BorderStyle = .unicode) {
        self.titles = titles
        self.shortTitles = shortTitles.flatMap { $0.count == titles.count ? $0 : nil }
        self.active = active
        self.style = style
    }

    /// Draws into the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, role: .tabInactive)
        guard !titles.isEmpty else { return }
        let labels = fittedLabels(width: line.width)
        let widths = labels.map { DisplayWidth.of($0) }
        // Drop tabs from the left until the active one ends inside the row.
        let activeIndex = min(max(active, 0), titles.count - 1)
        var first = 0
        while first < activeIndex, widths[first...activeIndex].reduce(0, +) > line.width { first += 1 }
        var x = line.x
        for i in first..<labels.count {
            guard x < line.maxX else { break }
            x += buffer.put(labels[i], x: x, y: line.y, role: i == activeIndex ? .tabActive : .tabInactive, clip: line)
        }
    }

    /// " title " per tab; when the row is too narrow, the short titles (padded, then with one space
    /// between them); only then are titles cut, evenly.
    private func fittedLabels(width: Int) -> [String] {
        func fits(_ labels: [String]) -> Bool { labels.reduce(0, { $0 + DisplayWidth.of($1) }) <= width }
        let full = titles.map { " " + TerminalText.sanitize($0) + " " }
        if fits(full) { return full }
        if let shortTitles {
            let padded = shortTitles.map { " " + TerminalText.sanitize($0) + " " }
            if fits(padded) { return padded }
            let tight = shortTitles.map { " " + TerminalText.sanitize($0) }
            if fits(tight) { return tight }
        }
        let each = max(4, width / titles.count) - 2
        return titles.map { " " + $0.ellipsized(toWidth: each, ellipsis: style.ellipsis) + " " }
    }
}

/// The bottom status row: a message on the left in its own role (an error in `.error`), and
/// short facts on the right (user, time). The message wins when both do not fit.
public struct StatusBar: Sendable {
    public var message: String
    public var messageRole: StyleRole
    public var right: String

    public init(message: String = "", messageRole: StyleRole = .statusBar, right: String = "") {
        self.message = message
        self.messageRole = messageRole
        self.right = right
    }

    /// Draws into the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, role: .statusBar)
        let inner = line.inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let rightText = TerminalText.sanitize(right)
        let rightWidth = DisplayWidth.of(rightText)
        let messageWidth = message.displayWidth
        // Right text only when it fits whole beside the message, two spaces apart.
        let showsRight = rightWidth > 0 && messageWidth + (messageWidth > 0 ? 2 : 0) + rightWidth <= inner.width
        let messageRoom = showsRight ? inner.width - rightWidth - 2 : inner.width
        if messageWidth > 0 {
            buffer.put(message.ellipsized(toWidth: messageRoom), x: inner.x, y: inner.y, role: messageRole, clip: inner)
        }
        if showsRight {
            buffer.put(rightText, x: inner.maxX - rightWidth, y: inner.y, role: .statusBar, clip: inner)
        }
    }
}

/// One key hint: the key as the user presses it and what it does.
public struct HelpItem: Sendable, Hashable {
    public var key: String
    public var label: String
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The key hints row, "F1 Help  / Find  q Quit": keys in `.helpKey`, labels in `.helpText`. Hints that
/// do not fit whole are left out (never cut in half), so put the important ones first.
public struct HelpBar: Sendable {
    public var items: [HelpItem]
    /// Cells between two hints.
    public var gap: Int

    public init(items: [HelpItem], gap: Int = 2) {
        self.items = items
        self.gap = max(1, gap)
    }

    public init(_ pairs: [(key: String, label: String)], gap: Int = 2) {
        self.init(items: pairs.map { HelpItem(key: $0.key, label: $0.label) }, gap: gap)
    }

    /// How many hints fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        for (i, item) in items.enumerated() {
            let w = Self.width(of: item) + (i > 0 ? gap : 0)
            if used + w > width { return i }
            used += w
        }
        return items.count
    }

    /// Draws into the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        buffer.fill(line, role: .helpText)
        var x = line.x
        for (i, item) in items.prefix(fittingCount(width: line.width)).enumerated() {
            if i > 0 { x += gap }
            x += buffer.put(item.key, x: x, y: line.y, role: .helpKey, clip: line)
            if !item.label.isEmpty {
                x += buffer.put(" " + item.label, x: x, y: line.y, role: .helpText, clip: line)
            }
        }
    }

    static func width(of item: HelpItem) -> Int {
        item.key.displayWidth + (item.label.isEmpty ? 0 : 1 + item.label.displayWidth)
    }
}
