import Foundation
import ScreenKit
import ServiceDomain

/// Keys on the callback queue and the complaint list (no form open).
enum FollowUpKeys {
    static let outcomeOptions: [FollowUpPicker.Option] = [
        .init(value: CallOutcome.reached.rawValue, label: FollowUpStrings.outcome(.reached), shortcut: "r"),
        .init(value: CallOutcome.noAnswer.rawValue, label: FollowUpStrings.outcome(.noAnswer), shortcut: "n"),
        .init(value: CallOutcome.busy.rawValue, label: FollowUpStrings.outcome(.busy), shortcut: "b"),
        .init(value: CallOutcome.wrongNumber.rawValue, label: FollowUpStrings.outcome(.wrongNumber), shortcut: "w"),
        .init(value: CallOutcome.callBackLater.rawValue, label: FollowUpStrings.outcome(.callBackLater), shortcut: "l"),
        .init(value: CallOutcome.declinedSurvey.rawValue, label: FollowUpStrings.outcome(.declinedSurvey), shortcut: "d"),
    ]

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .left || key == .right || key == .character("v") {
            state.followUp.tab = state.followUp.tab == .callbacks ? .complaints : .callbacks
            return []
        }
        switch state.followUp.tab {
        case .callbacks: return reduceQueueKey(&state, key)
        case .complaints: return reduceComplaintKey(&state, key)
        }
    }

    private static func move(_ index: inout Int, count: Int, _ key: Key) -> Bool {
        switch key {
        case .up: index = max(0, index - 1)
        case .down: index = max(0, min(count - 1, index + 1))
        case .pageUp: index = max(0, index - 10)
        case .pageDown: index = max(0, min(count - 1, index + 10))
        case .home: index = 0
        case .end: index = max(0, count - 1)
        default: return false
        }
        return true
    }

    private static func reduceQueueKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if move(&state.followUp.selectedCallback, count: state.followUp.queue.count, key) { return [] }
        if key == .character("m") {
            let tasks = state.followUp.snapshot?.tasks ?? []
            guard !tasks.isEmpty else {
                state.status = StatusLine(FollowUpStrings.noMessagesOwed, kind: .info)
                return []
            }
            state.followUp.picker = FollowUpPicker(purpose: .messageSent, title: FollowUpStrings.pickMessageSent,
                                                   options: tasks.map(messageOption))
            return []
        }
        guard let row = state.followUp.selectedCallbackRow, let id = row.callback.id else {
            if key == .enter { state.status = StatusLine(FollowUpStrings.noSelection, kind: .warning) }
            return []
        }
        if key == .character("p") {
            state.followUp.picker = FollowUpPicker(
                purpose: .callWindow(customerID: row.customerID, customerName: row.customerName),
                title: FollowUpStrings.pickCallWindow,
                options: CallWindow.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                selected: CallWindow.allCases.firstIndex(of: row.callWindow) ?? 0)
            return []
        }
        if key == .enter {
            state.followUp.picker = FollowUpPicker(purpose: .outcome(callbackID: id, version: row.callback.version),
                                                   title: FollowUpStrings.pickOutcome, options: outcomeOptions)
            return []
        }
        if case .character(let c) = key, let option = outcomeOptions.first(where: { $0.shortcut == c }),
           let outcome = CallOutcome(rawValue: option.value) {
            return FollowUpForms.chooseOutcome(&state, outcome, row: row)
        }
        return []
    }

    /// "王芳  138****5678  粤A·12345  RO-…": the callback's id and version ride in the value.
    static func messageOption(_ row: CallbackRow) -> FollowUpPicker.Option {
        let text = "\(FreeText.sanitize(row.customerName))  \(PhoneNumber.masked(row.phone))  \(Plate.display(row.plate))  \(row.roNumber)"
        return .init(value: "\(row.id):\(row.callback.version)", label: Message(zh: text, en: text))
    }

    /// Take, next step and hand over act on the opened complaint, or on the list's selected one: the timers
    /// are kept from the list without opening each card.
    private static func reduceComplaintKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.followUp.detail == nil {
            if move(&state.followUp.selectedComplaint, count: state.followUp.complaints.count, key) { return [] }
            if key == .enter, let id = state.followUp.selectedComplaintRow?.id {
                return [.followUp(.loadComplaint(id: id))]
            }
        }
        guard let row = state.followUp.detail?.row ?? state.followUp.selectedComplaintRow, let id = row.complaint.id else {
            return []
        }
        let c = row.complaint
        switch key {
        case .character("t"):
            return [.followUp(.takeComplaint(id: id, version: c.version))]
        case .character("a"):
            let steps = ComplaintRules.nextSteps(from: c.step)
            guard !steps.isEmpty else { state.status = StatusLine(ComplaintError.closed.message, kind: .warning); return [] }
            state.followUp.picker = FollowUpPicker(purpose: .nextStep(complaintID: id, version: c.version),
                                                   title: FollowUpStrings.pickStep,
                                                   options: steps.map { .init(value: $0.rawValue, label: FollowUpStrings.stepTitle($0)) })
        case .character("h"):
            let staff = state.followUp.snapshot?.staff ?? []
            state.followUp.picker = FollowUpPicker(purpose: .owner(complaintID: id, version: c.version),
                                                   title: FollowUpStrings.pickOwner,
                                                   options: staff.filter { $0.id != c.ownerID }
                                                       .map { .init(value: String($0.id), label: Message(zh: $0.name, en: $0.name)) })
        default: break
        }
        return []
    }
}
