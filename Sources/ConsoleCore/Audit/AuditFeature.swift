import Foundation
import ScreenKit
import ServiceDomain

/// The audit overlay (Ctrl-T). It owns the keyboard while open: typing goes to the filter line, Enter applies
/// a changed filter (or shows the selected row's changes), arrows and PgUp/PgDn scroll; its table holds every
/// key that works there, quitting included, so the help shows nothing else.
public enum AuditFeature: PanelFeature {
    /// Rows per store read; the trail is never read whole.
    public static let pageSize = 50
    /// Scrolling this close to the last loaded row fetches the next page.
    static let prefetchMargin = 10

    enum Action: Sendable, Equatable {
        case quit
        /// Esc: the detail first, then the overlay.
        case back
        /// Ctrl-T again: the overlay at once.
        case close
        case apply, clearFilter
        case move(ListMove)
    }

    private static let closing: [KeyBinding<Action>] = [
        KeyBinding(pairs: [(.escape, .back), (.ctrl("t"), .close)], AuditStrings.keyClose),
        KeyBinding([.ctrl("q"), .ctrl("c"), .function(10)], .quit, Strings.keyQuit),
    ]

    static let refusedTable = KeyTable<Action>(closing)

    static let trailTable = KeyTable<Action>([
        KeyBinding([.enter], .apply, AuditStrings.keyApply, help: AuditStrings.keyApplyHelp),
        KeyBinding(pairs: [(.up, .move(.up)), (.down, .move(.down)), (.pageUp, .move(.pageUp)), (.pageDown, .move(.pageDown))],
                   AuditStrings.keyScroll, also: [(.home, .move(.home)), (.end, .move(.end))]),
        KeyBinding([.ctrl("u")], .clearFilter, AuditStrings.keyClearFilter, bar: false),
    ] + closing)

    public static func keys(_ state: AppState) -> ModeKeys {
        ModeKeys(.dialog, typing: true, state.audit.refusal != nil ? refusedTable : trailTable)
    }

    /// A key while the overlay is open.
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        let table = state.audit.refusal != nil ? refusedTable : trailTable
        switch table.match(key) {
        case .quit: return Reduction(delegate: .requestQuit)
        case .close: return Reduction(delegate: .closeOverlay)
        case .back:
            if back(&state) { return [] }
            return Reduction(delegate: .closeOverlay)
        case .apply, .clearFilter, .move:
            return Reduction(reduceTrail(&state, table.match(key)!))
        case nil:
            guard state.audit.refusal == nil else { return [] }
            return Reduction(reduceTyped(&state, key))
        }
    }

    private static func reduceTrail(_ state: inout AppState, _ action: Action) -> [Effect] {
        var audit = state.audit
        defer { state.audit = audit }
        switch action {
        case .clearFilter: audit.filter.clear()
        case .move(let move): audit.table.apply(move, rowCount: audit.rows.count)
        case .apply:
            let typed = AuditQuery.parse(audit.filter.text)
            if typed != audit.query {
                audit.query = typed
                return startLoading(&audit)
            }
            if audit.selectedRow != nil { audit.showsDetail.toggle() }
            return []
        default: return []
        }
        return nextPageIfNear(&audit)
    }

    /// Text for the filter line.
    private static func reduceTyped(_ state: inout AppState, _ key: Key) -> [Effect] {
        var audit = state.audit
        defer { state.audit = audit }
        switch key {
        case .character(let c) where !c.isNewline && c != "\t":
            audit.filter.insert(String(c))
        case .backspace: audit.filter.backspace()
        case .delete: audit.filter.deleteForward()
        case .ctrl("w"): audit.filter.deleteWordBackward()
        case .left: audit.filter.moveLeft()
        case .right: audit.filter.moveRight()
        default: return []
        }
        return nextPageIfNear(&audit)
    }

    public static func reduce(_ state: inout AppState, _ event: AuditEvent) -> [Effect] {
        switch event {
        case .loaded(let query, let rows, let replacing, let hasMore):
            // A page for a filter that has since changed is dropped; the newer load is on its way.
            guard query == state.audit.query else { return [] }
            state.audit.loading = false
            state.audit.error = nil
            if replacing {
                let selectedID = state.audit.selectedRow?.id
                state.audit.rows = rows
                let keep = selectedID.flatMap { id in rows.firstIndex(where: { $0.id == id }) } ?? 0
                state.audit.table.select(keep, rowCount: rows.count)
            } else {
                let known = Set(state.audit.rows.map(\.id))
                state.audit.rows += rows.filter { !known.contains($0.id) }
            }
            state.audit.hasMore = hasMore
            if state.audit.rows.isEmpty { state.audit.showsDetail = false }
            return []
        case .refused(let message):
            state.audit = AuditState()
            state.audit.refusal = message
            state.status = StatusLine(message, kind: .error)
            return []
        case .failed(let message):
            state.audit.loading = false
            state.audit.error = message
            state.status = StatusLine(message, kind: .error)
            return []
        }
    }

    /// The overlay was just opened: load the first page.
    public static func entered(_ state: inout AppState) -> [Effect] {
        state.audit = AuditState()
        return startLoading(&state.audit)
    }

    /// Another terminal changed the database: reload what is shown (as many rows as are loaded).
    public static func refresh(_ state: inout AppState) -> [Effect] {
        guard state.overlay == .audit, state.audit.refusal == nil else { return [] }
        state.audit.loading = true
        let limit = max(pageSize, state.audit.rows.count)
        return [.audit(.load(state.audit.query, beforeID: nil, limit: limit))]
    }

    /// Esc closes the selected row's changes first.
    public static func back(_ state: inout AppState) -> Bool {
        guard state.audit.showsDetail else { return false }
        state.audit.showsDetail = false
        return true
    }

    private static func startLoading(_ audit: inout AuditState) -> [Effect] {
        audit.rows = []
        audit.table = TableState()
        audit.hasMore = false
        audit.showsDetail = false
        audit.loading = true
        return [.audit(.load(audit.query, beforeID: nil, limit: pageSize))]
    }

    private static func nextPageIfNear(_ audit: inout AuditState) -> [Effect] {
        guard audit.hasMore, !audit.loading, let last = audit.rows.last,
              audit.table.selected >= audit.rows.count - prefetchMargin else { return [] }
        audit.loading = true
        return [.audit(.load(audit.query, beforeID: last.id, limit: pageSize))]
    }
}
