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

    /// What the keys of the callback queue and the complaint list do.
    enum Action: Sendable, Equatable {
        case move(ListMove)
        case switchTab
        /// Enter on the queue: the outcome picker.
        case call
        case outcome(CallOutcome)
        case messageSent
        case callWindow
        /// Enter on the complaint list: the complaint's card.
        case open
        case take, nextStep, handOver
    }

    private static let switchTab = KeyBinding<Action>([.left, .right, .character("v")], .switchTab, FollowUpStrings.keySwitch)
    private static let moves = ListKeys.moves.map(Action.move)

    /// The callback queue: Enter records the call, r/n (and the other outcomes' letters) record it at once.
    static let queueTable = KeyTable<Action>([
        KeyBinding([.enter], .call, FollowUpStrings.keyCall),
        KeyBinding([.character("r")], .outcome(.reached), FollowUpStrings.keyReached),
        KeyBinding([.character("n")], .outcome(.noAnswer), FollowUpStrings.keyNoAnswer),
        switchTab,
        // In the overlay only: the bar stays as it was at 80 columns.
        KeyBinding([.character("m")], .messageSent, FollowUpStrings.keyMessageSent, bar: false),
        KeyBinding([.character("p")], .callWindow, FollowUpStrings.keyCallWindow, bar: false),
    ] + outcomeOptions.dropFirst(2).compactMap { option in
        guard let c = option.shortcut, let outcome = CallOutcome(rawValue: option.value) else { return nil }
        return KeyBinding([.character(c)], .outcome(outcome), option.label, bar: false)
    }) + moves

    /// The complaint list: the same keys act on the selected row; the bar keeps its 80-column width.
    static let complaintListTable = KeyTable<Action>([
        KeyBinding([.enter], .open, FollowUpStrings.keyOpen),
        switchTab,
        KeyBinding([.character("t")], .take, FollowUpStrings.keyTake, bar: false),
        KeyBinding([.character("a")], .nextStep, FollowUpStrings.keyNextStep, bar: false),
        KeyBinding([.character("h")], .handOver, FollowUpStrings.keyHandOver, bar: false),
    ]) + moves

    /// An opened complaint.
    static let complaintCardTable = KeyTable<Action>([
        KeyBinding([.character("t")], .take, FollowUpStrings.keyTake),
        KeyBinding([.character("a")], .nextStep, FollowUpStrings.keyNextStep),
        KeyBinding([.character("h")], .handOver, FollowUpStrings.keyHandOver),
        switchTab,
    ])

    static func table(_ f: FollowUpState) -> (KeyMode, KeyTable<Action>) {
        if f.tab == .callbacks { return (.list, queueTable) }
        return f.detail == nil ? (.list, complaintListTable) : (.card, complaintCardTable)
    }

    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let action = table(state.followUp).1.match(key) else { return [] }
        if action == .switchTab {
            state.followUp.tab = state.followUp.tab == .callbacks ? .complaints : .callbacks
            return []
        }
        switch state.followUp.tab {
        case .callbacks: return reduceQueue(&state, action)
        case .complaints: return reduceComplaints(&state, action)
        }
    }

    private static func reduceQueue(_ state: inout AppState, _ action: Action) -> [Effect] {
        if case .move(let move) = action {
            state.followUp.callbackTable.apply(move, rowCount: state.followUp.queue.count)
            return []
        }
        if action == .messageSent {
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
            if action == .call { state.status = StatusLine(FollowUpStrings.noSelection, kind: .warning) }
            return []
        }
        switch action {
        case .callWindow:
            state.followUp.picker = FollowUpPicker(
                purpose: .callWindow(customerID: row.customerID, customerName: row.customerName),
                title: FollowUpStrings.pickCallWindow,
                options: CallWindow.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                selected: CallWindow.allCases.firstIndex(of: row.callWindow) ?? 0)
        case .call:
            state.followUp.picker = FollowUpPicker(purpose: .outcome(callbackID: id, version: row.callback.version),
                                                   title: FollowUpStrings.pickOutcome, options: outcomeOptions)
        case .outcome(let outcome):
            return FollowUpForms.chooseOutcome(&state, outcome, row: row)
        default: break
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
    private static func reduceComplaints(_ state: inout AppState, _ action: Action) -> [Effect] {
        if state.followUp.detail == nil {
            if case .move(let move) = action {
                state.followUp.complaintTable.apply(move, rowCount: state.followUp.complaints.count)
                return []
            }
            if action == .open, let id = state.followUp.selectedComplaintRow?.id {
                return [.followUp(.loadComplaint(id: id))]
            }
        }
        guard let row = state.followUp.detail?.row ?? state.followUp.selectedComplaintRow, let id = row.complaint.id else {
            return []
        }
        let c = row.complaint
        switch action {
        case .take:
            return [.followUp(.takeComplaint(id: id, version: c.version))]
        case .nextStep:
            let steps = ComplaintRules.nextSteps(from: c.step)
            guard !steps.isEmpty else { state.status = StatusLine(ComplaintError.closed.message, kind: .warning); return [] }
            state.followUp.picker = FollowUpPicker(purpose: .nextStep(complaintID: id, version: c.version),
                                                   title: FollowUpStrings.pickStep,
                                                   options: steps.map { .init(value: $0.rawValue, label: FollowUpStrings.stepTitle($0)) })
        case .handOver:
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
