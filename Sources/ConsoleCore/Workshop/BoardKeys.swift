import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the waiting board: moving through the board, opening an order, and the workshop actions.
enum BoardKeys {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        var board = state.workshop.board
        let total = board.total
        if board.detail != nil, let effects = detailKey(&state, key) { return effects }
        let before = board.selected
        switch key {
        case .up: board.selected = max(0, board.selected - 1)
        case .down: board.selected = max(0, min(total - 1, board.selected + 1))
        case .pageUp: board.selected = max(0, board.selected - 10)
        case .pageDown: board.selected = max(0, min(total - 1, board.selected + 10))
        case .home: board.selected = 0
        case .end: board.selected = max(0, total - 1)
        case .enter:
            guard let row = board.selectedRow else { return [] }
            state.workshop.board.detailJob = 0
            return [.workshop(.loadDetail(roID: row.id))]
        case .character("a"):
            let ids: [RowID?] = [nil] + board.advisors.map(\.id)
            let i = ids.firstIndex(of: board.filter.advisorID) ?? 0
            board.filter.advisorID = ids[(i + 1) % ids.count]
            return filterChanged(&state, board)
        case .character("g"):
            let stages: [ROStage?] = [nil] + WaitingBoardRules.openStages
            let i = stages.firstIndex(of: board.filter.stage) ?? 0
            board.filter.stage = stages[(i + 1) % stages.count]
            return filterChanged(&state, board)
        case .character("w"):
            board.filter.waitersOnly.toggle()
            return filterChanged(&state, board)
        case .character("s"):
            let all = WaitingBoardSort.allCases
            board.sort = all[(all.firstIndex(of: board.sort)! + 1) % all.count]
            return filterChanged(&state, board)
        case .character("r"):
            board.filter = WaitingBoardFilter()
            board.sort = .risk
            return filterChanged(&state, board)
        case .character(let c) where "mtclnv".contains(c):
            guard let row = board.selectedRow else { return [] }
            return action(c, row: row, &state)
        default:
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
    static func action(_ c: Character, row: BoardRow, _ state: inout AppState) -> [Effect] {
        let order = state.workshop.board.detail?.order
        let version = order?.id == row.id ? order!.version : row.version
        let stage = order?.id == row.id ? order!.stage : row.stage
        switch c {
        case "m":
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
        case "t":
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
        case "c":
            state.workshop.picker = WorkshopPicker(
                purpose: .qcResult(roID: row.id), title: WorkshopStrings.pickQC,
                options: [PickerOption(label: WorkshopStrings.qcPass, value: "pass"),
                          PickerOption(label: WorkshopStrings.qcFail, value: "fail")])
        case "l":
            state.workshop.prompt = WorkshopPrompts.delayTimePrompt(roID: row.id, version: version,
                                                                    oldPromisedAt: row.promisedAt, note: "", text: "")
        case "n":
            state.workshop.prompt = WorkshopPrompt(purpose: .additionalJob(roID: row.id),
                                                   title: WorkshopStrings.additionalJob,
                                                   hint: WorkshopStrings.additionalJobHint)
        case "v":
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
        default:
            break
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

    /// Keys of the opened order; nil passes the key on to the board.
    private static func detailKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
        guard let detail = state.workshop.board.detail else { return nil }
        switch key {
        case .up:
            state.workshop.board.detailJob = max(0, state.workshop.board.detailJob - 1)
            return []
        case .down:
            state.workshop.board.detailJob = max(0, min(detail.jobs.count - 1, state.workshop.board.detailJob + 1))
            return []
        case .character("y"), .character("x"):
            guard detail.jobs.indices.contains(state.workshop.board.detailJob),
                  let jobID = detail.jobs[state.workshop.board.detailJob].id else {
                state.status = StatusLine(WorkshopStrings.noJobSelected, kind: .warning)
                return []
            }
            state.workshop.picker = WorkshopPicker(
                purpose: .approval(jobID: jobID, approved: key == .character("y")), title: OrderStrings.pickApproval,
                options: ApprovalMethod.allCases.map { PickerOption(label: $0.label, value: $0.rawValue) })
            return []
        case .character("e"):
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
        case .enter:
            return []
        default:
            return nil
        }
    }
}
