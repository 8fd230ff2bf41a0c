import Foundation
import ScreenKit
import ServiceDomain

/// The audit overlay's part of the reducer. `PanelRouter` calls these; each returns effects to run.
/// The overlay owns the keyboard while open: typing goes to the filter line, Enter applies a
/// changed filter (or shows the selected row's changes), arrows and PgUp/PgDn scroll.
public enum AuditFeature {
    /// Rows per store read; the trail is never read whole.
    public static let pageSize = 50
    /// Scrolling this close to the last loaded row fetches the next page.
    static let prefetchMargin = 10

    /// A key while one of this feature's panels is shown (after global commands).
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.audit.refusal != nil { return [] }
        var audit = state.audit
        defer { state.audit = audit }
        let count = audit.rows.count
        switch key {
        case .character(let c) where !c.isNewline && c != "\t":
            audit.filter.insert(String(c))
        case .backspace: audit.filter.backspace()
        case .delete: audit.filter.deleteForward()
        case .ctrl("u"): audit.filter.clear()
        case .ctrl("w"): audit.filter.deleteWordBackward()
        case .left: audit.filter.moveLeft()
        case .right: audit.filter.moveRight()
        case .home: audit.table.moveToFirst(rowCount: count)
        case .end: audit.table.moveToLast(rowCount: count)
        case .up: audit.table.moveUp(rowCount: count)
        case .down: audit.table.moveDown(rowCount: count)
        case .pageUp: audit.table.pageUp(rowCount: count)
        case .pageDown: audit.table.pageDown(rowCount: count)
        case .enter:
            let typed = AuditQuery.parse(audit.filter.text)
            if typed != audit.query {
                audit.query = typed
                return startLoading(&audit)
            }
            if audit.selectedRow != nil { audit.showsDetail.toggle() }
            return []
        default:
            return []
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

    /// The panel was just shown: load what it displays.
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

    /// Esc: close the innermost thing open in the panel; false when nothing was open.
    public static func handleBack(_ state: inout AppState) -> Bool {
        guard state.audit.showsDetail else { return false }
        state.audit.showsDetail = false
        return true
    }

    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool { state.overlay == .audit }
    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool { false }
    /// Input typed but not saved (quitting asks first). A filter is not worth a question.
    public static func hasUnsavedInput(_ state: AppState) -> Bool { false }

    /// The panel's own key bindings (shown in the help bar and the `?` overlay).
    public static func bindings(for state: AppState) -> [KeyBinding] {
        if state.audit.refusal != nil {
            return [KeyBinding(keys: [.escape], command: .back, scope: .always, barLabel: AuditStrings.keyClose,
                               help: AuditStrings.keyClose)]
        }
        return [
            KeyBinding(keys: [.enter], command: .panel("audit.apply"), scope: .always, barLabel: AuditStrings.keyApply,
                       help: AuditStrings.keyApplyHelp),
            KeyBinding(keys: [.up, .down, .pageUp, .pageDown], command: .panel("audit.scroll"), scope: .always,
                       barLabel: AuditStrings.keyScroll, help: AuditStrings.keyScroll),
            KeyBinding(keys: [.ctrl("u")], command: .panel("audit.clear"), scope: .always, barLabel: nil,
                       help: AuditStrings.keyClearFilter),
            KeyBinding(keys: [.escape], command: .back, scope: .always, barLabel: AuditStrings.keyClose,
                       help: AuditStrings.keyClose),
        ]
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
