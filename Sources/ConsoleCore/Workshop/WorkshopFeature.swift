import Foundation
import ScreenKit
import ServiceDomain

/// The workshop panels: the waiting board (F5) and delivery (F6).
public enum WorkshopFeature: PanelFeature {
    public static func keys(_ state: AppState) -> ModeKeys {
        if state.workshop.prompt != nil { return ModeKeys(.dialog, typing: true, DialogKeys.prompt) }
        if state.workshop.picker != nil { return ModeKeys(.dialog, DialogKeys.picker) }
        if state.panel == .delivery {
            let (mode, table) = DeliveryKeys.table(state.workshop.delivery)
            return ModeKeys(mode, table)
        }
        return state.workshop.board.detail != nil ? ModeKeys(.card, BoardKeys.detailTable) : ModeKeys(.list, BoardKeys.boardTable)
    }

    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        if state.workshop.prompt != nil { return Reduction(WorkshopPrompts.reduceKey(&state, key)) }
        if state.workshop.picker != nil { return Reduction(WorkshopPrompts.reducePickerKey(&state, key)) }
        switch state.panel {
        case .delivery: return Reduction(DeliveryKeys.reduceKey(&state, key))
        default: return Reduction(BoardKeys.reduceKey(&state, key))
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

    public static func entered(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = [.workshop(.loadStaff)]
        effects += refresh(&state)
        return effects
    }

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

    public static func back(_ state: inout AppState) -> Bool {
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

    /// A half-typed reason, or checklist ticks not delivered.
    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        !(state.workshop.prompt?.input.isEmpty ?? true) || !state.workshop.delivery.ticked.isEmpty
    }

    // MARK: helpers shared by the key handlers

    /// The board window around `index` (the selection stays near the middle of what is loaded).
    static func loadBoard(_ state: AppState, around index: Int, focusID: RowID? = nil) -> Effect {
        let offset = max(0, index - WorkshopState.window / 3)
        return .workshop(.loadBoard(filter: state.workshop.board.filter, sort: state.workshop.board.sort,
                                    offset: offset, limit: WorkshopState.window, focusID: focusID))
    }
}
