import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the waiting board: moving through the board, opening an order, and the workshop actions.
enum BoardKeys {
    /// What the board's keys do.
    enum Action: Sendable, Equatable {
        case move(ListMove)
        /// ↑/↓ in the opened order: its jobs.
        case job(ListMove)
        case open
        case filterAdvisor, filterStage, waitersOnly, sort, clearFilter
        /// An action on the selected order (from the board or the opened order).
        case order(OrderAction)
        case approve, decline, editLine
    }

    enum OrderAction: Sendable, Equatable { case moveStage, dispatch, qc, delay, addJob, advisor }

    private static func b(_ c: Character, _ action: Action, _ label: Message, bar: Bool = true) -> KeyBinding<Action> {
        KeyBinding([.character(c)], action, label, bar: bar)
    }

    private static let filters: [(Character, Action, Message)] = [
        ("a", .filterAdvisor, WorkshopStrings.keyFilterAdvisor), ("g", .filterStage, WorkshopStrings.keyFilterStage),
        ("w", .waitersOnly, WorkshopStrings.keyFilterWaiters), ("s", .sort, WorkshopStrings.keySort),
        ("r", .clearFilter, WorkshopStrings.keyClearFilter),
    ]

    static let boardTable = KeyTable<Action>([
        KeyBinding([.enter], .open, WorkshopStrings.keyDetail),
        b("m", .order(.moveStage), WorkshopStrings.keyMoveStage), b("t", .order(.dispatch), WorkshopStrings.keyDispatch),
        b("c", .order(.qc), WorkshopStrings.keyQC), b("l", .order(.delay), WorkshopStrings.keyDelay),
        b("n", .order(.addJob), WorkshopStrings.keyAddJob),
    ] + filters.map { b($0.0, $0.1, $0.2) } + [b("v", .order(.advisor), OrderStrings.keyAdvisor)])
        + ListKeys.moves.map(Action.move)

    /// The opened order: its own keys in the bar; the board's filters, delay and paging still work (overlay only).
    static let detailTable = KeyTable<Action>([
        b("y", .approve, WorkshopStrings.keyApprove), b("x", .decline, WorkshopStrings.keyDecline),
        b("e", .editLine, OrderStrings.keyEditLine), b("n", .order(.addJob), WorkshopStrings.keyAddJob),
        b("m", .order(.moveStage), WorkshopStrings.keyMoveStage), b("t", .order(.dispatch), WorkshopStrings.keyDispatch),
        b("c", .order(.qc), WorkshopStrings.keyQC), b("v", .order(.advisor), OrderStrings.keyAdvisor),
        b("l", .order(.delay), WorkshopStrings.keyDelay, bar: false),
    ] + filters.map { b($0.0, $0.1, $0.2, bar: false) } + [
        // Enter on the opened order does nothing (it is open already).
        KeyBinding([], .open, WorkshopStrings.keyDetail, bar: false, also: [.enter]),
        KeyBinding(pairs: [(.up, .job(.up)), (.down, .job(.down))], Strings.keyMove, section: .movement),
        KeyBinding(pairs: [(.pageUp, .move(.pageUp)), (.pageDown, .move(.pageDown))], Strings.keyPage, bar: false,
                   section: .movement, also: [(.home, .move(.home)), (.end, .move(.end))]),
    ])

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        var board = state.workshop.board
        let total = board.total
        let table = board.detail != nil ? detailTable : boardTable
        guard let action = table.match(key) else { return [] }
        if board.detail != nil, let effects = detailAction(&state, action) { return effects }
        let before = board.selected
        switch action {
        case .move(.up): board.selected = max(0, board.selected - 1)
        case .move(.down): board.selected = max(0, min(total - 1, board.selected + 1))
        case .move(.pageUp): board.selected = max(0, board.selected - 10)
        case .move(.pageDown): board.selected = max(0, min(total - 1, board.selected + 10))
        case .move(.home): board.selected = 0
        case .move(.end): board.selected = max(0, total - 1)
        case .open:
            guard let row = board.selectedRow else { return [] }
            state.workshop.board.detailJob = 0
            return [.workshop(.loadDetail(roID: row.id))]
        case .filterAdvisor:
            let ids: [RowID?] = [nil] + board.advisors.map(\.id)
            let i = ids.firstIndex(of: board.filter.advisorID) ?? 0
            board.filter.advisorID = ids[(i + 1) % ids.count]
            return filterChanged(&state, board)
        case .filterStage:
            let stages: [ROStage?] = [nil] + WaitingBoardRules.openStages
            let i = stages.firstIndex(of: board.filter.stage) ?? 0
            board.filter.stage = stages[(i + 1) % stages.count]
            return filterChanged(&state, board)
        case .waitersOnly:
            board.filter.waitersOnly.toggle()
            return filterChanged(&state, board)
        case .sort:
            let all = WaitingBoardSort.allCases
            board.sort = all[(all.firstIndex(of: board.sort)! + 1) % all.count]
            return filterChanged(&state, board)
        case .clearFilter:
            board.filter = WaitingBoardFilter()
            board.sort = .risk
            return filterChanged(&state, board)
        case .order(let orderAction):
            guard let row = board.selectedRow else { return [] }
            return perform(orderAction, row: row, &state)
        case .job, .approve, .decline, .editLine:
            return []
        }
        state.workshop.board = board
        guard board.selected != before else { return [] }
        // Outside the loaded window: fetch the window around the new selection.
        return board.selectedRow == nil ? [WorkshopFeature.loadBoard(state, around: board.selected)] : []
    }

    private static func filterChanged(_ state: inout AppState, _ board: BoardState) -> [Effect] {
        var b = board
        b.selected = 0
        b.detail = nil
        state.workshop.board = b
        return [WorkshopFeature.loadBoard(state, around: 0)]
    }

    /// The actions on one order, from the board or the opened order.
    static func perform(_ action: OrderAction, row: BoardRow, _ state: inout AppState) -> [Effect] {
        let order = state.workshop.board.detail?.order
        let version = order?.id == row.id ? order!.version : row.version
        let stage = order?.id == row.id ? order!.stage : row.stage
        switch action {
        case .moveStage:
            // Offered as if QC had passed: choosing a step that still needs QC gets the store's refusal, which
            // says why ("QC required before ready for pickup: level-2 maintenance").
            let targets = ROLifecycle.allowedTargets(from: stage, repairClass: row.repairClass, qcPassed: true,
                                                     heldFrom: row.heldFrom).filter { $0 != .delivered }
            guard !targets.isEmpty else {
                state.status = StatusLine(stage == .readyForPickup ? Message(
                    zh: "待交车的工单请在交车面板（F6）办理交车", en: "Deliver orders ready for pickup from the Delivery panel (F6)")
                    : WorkshopStrings.noTargets, kind: .warning)
                return []
            }
            state.workshop.picker = WorkshopPicker(
                purpose: .moveStage(roID: row.id, version: version, from: stage), title: WorkshopStrings.pickStage,
                options: targets.map { PickerOption(label: $0.label, value: $0.rawValue) })
        case .dispatch:
            let techs = state.workshop.board.technicians
            guard !techs.isEmpty else {
                state.status = StatusLine(WorkshopStrings.noTechnicians, kind: .warning)
                return []
            }
            // With the order open, `t` assigns the selected job; on the board it assigns all the order's work.
            var purpose = WorkshopPickerPurpose.technician(roID: row.id, version: version,
                                                           needsReason: !row.technicians.isEmpty)
            if let detail = state.workshop.board.detail, detail.order.id == row.id,
               detail.jobs.indices.contains(state.workshop.board.detailJob),
               let jobID = detail.jobs[state.workshop.board.detailJob].id {
                purpose = .jobTechnician(jobID: jobID,
                                         needsReason: detail.jobs[state.workshop.board.detailJob].technicianID != nil)
            }
            state.workshop.picker = WorkshopPicker(
                purpose: purpose,
                title: WorkshopStrings.pickTechnician,
                options: technicianOptions(techs))
        case .qc:
            state.workshop.picker = WorkshopPicker(
                purpose: .qcResult(roID: row.id), title: WorkshopStrings.pickQC,
                options: [PickerOption(label: WorkshopStrings.qcPass, value: "pass"),
                          PickerOption(label: WorkshopStrings.qcFail, value: "fail")])
        case .delay:
            state.workshop.prompt = WorkshopPrompts.delayTimePrompt(roID: row.id, version: version,
                                                                    oldPromisedAt: row.promisedAt, note: "", text: "")
        case .addJob:
            state.workshop.prompt = WorkshopPrompt(purpose: .additionalJob(roID: row.id),
                                                   title: WorkshopStrings.additionalJob,
                                                   hint: WorkshopStrings.additionalJobHint)
        case .advisor:
            let advisors = state.workshop.board.advisors
            guard !advisors.isEmpty else {
                state.status = StatusLine(OrderStrings.noAdvisors, kind: .warning)
                return []
            }
            var picker = WorkshopPicker(purpose: .advisor(roID: row.id, version: version), title: OrderStrings.pickAdvisor,
                                        options: advisors.map { PickerOption(label: Message(zh: $0.name, en: $0.name),
                                                                             value: String($0.id)) })
            picker.selected = advisors.firstIndex { $0.id == row.advisorID } ?? 0
            state.workshop.picker = picker
        }
        return []
    }

    /// Name, skill and open jobs in columns that line up whatever the names' display widths (CJK names take
    /// two columns a character).
    static func technicianOptions(_ techs: [StaffChoice]) -> [PickerOption] {
        let nameWidth = techs.map { FreeText.sanitize($0.name).displayWidth }.max() ?? 0
        return techs.map { t in
            let name = FreeText.sanitize(t.name).padded(toWidth: nameWidth)
            let stars = String(repeating: "★", count: max(0, min(5, t.skillLevel))).padded(toWidth: 5)
            let jobs = OrderStrings.openJobs(t.openJobs)
            return PickerOption(label: Message(zh: "\(name)  \(stars)  \(jobs.zh)", en: "\(name)  \(stars)  \(jobs.en)"),
                                value: String(t.id))
        }
    }

    /// Actions of the opened order; nil passes the action on to the board.
    private static func detailAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
        guard let detail = state.workshop.board.detail else { return nil }
        switch action {
        case .job(.up):
            state.workshop.board.detailJob = max(0, state.workshop.board.detailJob - 1)
            return []
        case .job(.down):
            state.workshop.board.detailJob = max(0, min(detail.jobs.count - 1, state.workshop.board.detailJob + 1))
            return []
        case .approve, .decline:
            guard detail.jobs.indices.contains(state.workshop.board.detailJob),
                  let jobID = detail.jobs[state.workshop.board.detailJob].id else {
                state.status = StatusLine(WorkshopStrings.noJobSelected, kind: .warning)
                return []
            }
            state.workshop.picker = WorkshopPicker(
                purpose: .approval(jobID: jobID, approved: action == .approve), title: OrderStrings.pickApproval,
                options: ApprovalMethod.allCases.map { PickerOption(label: $0.label, value: $0.rawValue) })
            return []
        case .editLine:
            guard detail.jobs.indices.contains(state.workshop.board.detailJob),
                  let jobID = detail.jobs[state.workshop.board.detailJob].id else {
                state.status = StatusLine(WorkshopStrings.noJobSelected, kind: .warning)
                return []
            }
            let job = detail.jobs[state.workshop.board.detailJob]
            var prompt = WorkshopPrompt(purpose: .editLine(jobID: jobID, orderVersion: detail.order.version),
                                        title: OrderStrings.editLine, hint: OrderStrings.editLineHint)
            prompt.input = TextInputState(
                text: "\(YuanInput.format(job.labour)) \(YuanInput.format(job.parts)) "
                    + LabourHoursInput.format(minutes: Int((job.labourHours * 60).rounded())),
                maxLength: 200)
            state.workshop.prompt = prompt
            return []
        case .open:
            return []
        default:
            return nil
        }
    }
}
