import Foundation
import ScreenKit
import ServiceDomain

/// The workshop panels' part of the reducer. `PanelRouter` calls these; each returns effects to run.
public enum WorkshopFeature {
    /// A key while one of this feature's panels is shown (after global commands).
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.workshop.prompt != nil { return WorkshopPrompts.reduceKey(&state, key) }
        if state.workshop.picker != nil { return WorkshopPrompts.reducePickerKey(&state, key) }
        switch state.panel {
        case .delivery: return DeliveryKeys.reduceKey(&state, key)
        default: return BoardKeys.reduceKey(&state, key)
        }
    }

    public static func reduce(_ state: inout AppState, _ event: WorkshopEvent) -> [Effect] {
        switch event {
        case .boardLoaded(let page, let focusID):
            state.workshop.board.page = page
            var board = state.workshop.board
            if let focusID, let i = page.rows.firstIndex(where: { $0.id == focusID }) {
                board.selected = page.offset + i
            }
            board.selected = max(0, min(board.selected, page.total - 1))
            state.workshop.board = board
            // The selection moved outside the window (the board shrank): load the window around it.
            if page.total > 0, board.selectedRow == nil { return [loadBoard(state, around: board.selected)] }
            return []
        case .staffLoaded(let advisors, let technicians):
            state.workshop.board.advisors = advisors
            state.workshop.board.technicians = technicians
            return []
        case .shopHoursLoaded(let hours):
            state.workshop.board.hours = hours
            return []
        case .inspectorsLoaded(let roID, let passed, let note, let inspectors, let operatorID):
            guard !inspectors.isEmpty else {
                state.status = StatusLine(OrderStrings.noInspector, kind: .error)
                return []
            }
            var picker = WorkshopPicker(
                purpose: .qcInspector(roID: roID, passed: passed, note: note), title: OrderStrings.pickInspector,
                options: inspectors.map { PickerOption(label: Message(zh: $0.name, en: $0.name), value: String($0.id)) })
            picker.selected = inspectors.firstIndex { $0.id == operatorID } ?? 0
            state.workshop.picker = picker
            return []
        case .detailLoaded(let detail):
            state.workshop.board.detail = detail
            if let detail {
                state.workshop.board.detailJob = min(state.workshop.board.detailJob, max(0, detail.jobs.count - 1))
            }
            return []
        case .changeSaved(let message):
            state.status = StatusLine(message, kind: .ok)
            state.workshop.pendingDelay = nil
            return refresh(&state)
        case .changeFailed(let message):
            // A refused change (a rule, or another terminal was faster): say why and show the fresh state.
            state.status = StatusLine(message, kind: .error)
            if let delay = state.workshop.pendingDelay {
                // Nothing typed is lost: the time and the note come back to be fixed or sent again.
                state.workshop.pendingDelay = nil
                state.workshop.prompt = WorkshopPrompts.delayTimePrompt(
                    roID: delay.roID, version: delay.version, oldPromisedAt: delay.oldPromisedAt, note: delay.note,
                    text: delay.timeText)
            }
            return refresh(&state)
        case .deliveryQueueLoaded(let page):
            let previous = state.workshop.delivery.selectedRow?.id
            state.workshop.delivery.queue = page
            var d = state.workshop.delivery
            if let previous, let i = page.rows.firstIndex(where: { $0.id == previous }) { d.selected = page.offset + i }
            d.selected = max(0, min(d.selected, page.total - 1))
            state.workshop.delivery = d
            guard let row = d.selectedRow else {
                state.workshop.delivery.context = nil
                return []
            }
            return [.workshop(.loadDeliveryContext(roID: row.id))]
        case .deliveryContextLoaded(let context):
            if context?.order.id != state.workshop.delivery.context?.order.id {
                state.workshop.delivery.ticked = [:]
                state.workshop.delivery.item = 0
            }
            state.workshop.delivery.context = context
            if context == nil { state.workshop.delivery.checklistFocused = false }
            return []
        case .delivered(let number, let summary, let due, let path):
            state.workshop.delivery.summary = summary
            state.workshop.delivery.summaryNumber = number
            state.workshop.delivery.ticked = [:]
            state.workshop.delivery.checklistFocused = false
            let callback = ShopTime.clock(due, state.timeZone, now: state.now, withDay: true)
            state.status = StatusLine(path.map { WorkshopStrings.delivered(number, callbackDue: callback, summaryPath: $0) }
                                      ?? WorkshopStrings.delivered(number, callbackDue: callback), kind: .ok)
            return refresh(&state)
        case .summarySaved(let path):
            state.status = StatusLine(WorkshopStrings.summarySaved(path), kind: .ok)
            return []
        case .loadFailed(let message):
            state.status = StatusLine(message, kind: .error)
            return []
        }
    }

    /// The panel was just shown: load what it displays.
    public static func entered(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = [.workshop(.loadStaff)]
        effects += refresh(&state)
        return effects
    }

    /// Another terminal changed the database: reload what is shown.
    public static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.panel {
        case .waitingBoard:
            var effects = [loadBoard(state, around: state.workshop.board.selected,
                                     focusID: state.workshop.board.selectedRow?.id)]
            if let id = state.workshop.board.detail?.order.id { effects.append(.workshop(.loadDetail(roID: id))) }
            return effects
        case .delivery:
            return [.workshop(.loadDeliveryQueue(offset: 0, limit: 200))]
        default:
            return []
        }
    }

    /// Esc: close the innermost thing open in the panel; false when nothing was open.
    public static func handleBack(_ state: inout AppState) -> Bool {
        if state.workshop.prompt != nil {
            state.workshop.prompt = nil
            state.workshop.pendingDelay = nil
            return true
        }
        if state.workshop.picker != nil { state.workshop.picker = nil; return true }
        if state.panel == .delivery {
            if state.workshop.delivery.summary != nil { state.workshop.delivery.summary = nil; return true }
            if state.workshop.delivery.checklistFocused { state.workshop.delivery.checklistFocused = false; return true }
            return false
        }
        if state.workshop.board.detail != nil { state.workshop.board.detail = nil; return true }
        return false
    }

    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool { state.workshop.prompt != nil }
    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool { false }
    /// Input typed but not saved (quitting asks first): a half-typed reason, or checklist ticks not delivered.
    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        !(state.workshop.prompt?.input.isEmpty ?? true) || !state.workshop.delivery.ticked.isEmpty
    }

    /// The panel's own key bindings (shown in the help bar and the `?` overlay).
    public static func bindings(for state: AppState) -> [KeyBinding] {
        if state.workshop.prompt != nil || state.workshop.picker != nil { return [] }
        func b(_ c: Character, _ label: Message) -> KeyBinding {
            KeyBinding(keys: [.character(c)], command: .panel(String(c)), scope: .notTyping, barLabel: label, help: label)
        }
        if state.panel == .delivery {
            if state.workshop.delivery.summary != nil { return [b("s", WorkshopStrings.keySummary)] }
            let enter = state.workshop.delivery.checklistFocused ? WorkshopStrings.keyTick : WorkshopStrings.keyChecklist
            return [KeyBinding(keys: [.enter], command: .open, scope: .list, barLabel: enter, help: enter),
                    b("o", WorkshopStrings.keyOverride), b("d", WorkshopStrings.keyDeliver)]
        }
        if state.workshop.board.detail != nil {
            return [b("y", WorkshopStrings.keyApprove), b("x", WorkshopStrings.keyDecline), b("e", OrderStrings.keyEditLine),
                    b("n", WorkshopStrings.keyAddJob), b("m", WorkshopStrings.keyMoveStage), b("t", WorkshopStrings.keyDispatch),
                    b("c", WorkshopStrings.keyQC), b("v", OrderStrings.keyAdvisor)]
        }
        return [
            KeyBinding(keys: [.enter], command: .open, scope: .list, barLabel: WorkshopStrings.keyDetail,
                       help: WorkshopStrings.keyDetail),
            b("m", WorkshopStrings.keyMoveStage), b("t", WorkshopStrings.keyDispatch), b("c", WorkshopStrings.keyQC),
            b("l", WorkshopStrings.keyDelay), b("n", WorkshopStrings.keyAddJob), b("a", WorkshopStrings.keyFilterAdvisor),
            b("g", WorkshopStrings.keyFilterStage), b("w", WorkshopStrings.keyFilterWaiters), b("s", WorkshopStrings.keySort),
            b("r", WorkshopStrings.keyClearFilter), b("v", OrderStrings.keyAdvisor),
        ]
    }

    // MARK: helpers shared by the key handlers

    /// The board window around `index` (the selection stays near the middle of what is loaded).
    static func loadBoard(_ state: AppState, around index: Int, focusID: RowID? = nil) -> Effect {
        let offset = max(0, index - WorkshopState.window / 3)
        return .workshop(.loadBoard(filter: state.workshop.board.filter, sort: state.workshop.board.sort,
                                    offset: offset, limit: WorkshopState.window, focusID: focusID))
    }
}
