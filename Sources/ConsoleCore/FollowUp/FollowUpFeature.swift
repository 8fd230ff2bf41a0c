import Foundation
import ScreenKit
import ServiceDomain

/// The follow-up panel (F7): the callback queue and the complaints.
public enum FollowUpFeature: PanelFeature {
    public static func keys(_ state: AppState) -> ModeKeys {
        let f = state.followUp
        if f.survey != nil { return ModeKeys(.dialog, typing: true, DialogKeys.question) }
        if f.prompt != nil { return ModeKeys(.dialog, typing: true, DialogKeys.prompt) }
        if f.picker != nil { return ModeKeys(.dialog, DialogKeys.picker) }
        let (mode, table) = FollowUpKeys.table(f)
        return ModeKeys(mode, table)
    }

    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        if state.followUp.survey != nil { return Reduction(FollowUpForms.reduceSurveyKey(&state, key)) }
        if state.followUp.prompt != nil { return Reduction(FollowUpForms.reducePromptKey(&state, key)) }
        if state.followUp.picker != nil { return Reduction(FollowUpForms.reducePickerKey(&state, key)) }
        return Reduction(FollowUpKeys.reduceKey(&state, key))
    }

    public static func reduce(_ state: inout AppState, _ event: FollowUpEvent) -> [Effect] {
        switch event {
        case .loaded(let snapshot):
            let previousCallback = state.followUp.selectedCallbackRow?.id
            let previousComplaint = state.followUp.selectedComplaintRow?.id
            state.followUp.snapshot = snapshot
            var f = state.followUp
            if f.keepRowOnReload {
                f.keepRowOnReload = false
            } else if let id = previousCallback, let i = snapshot.queue.firstIndex(where: { $0.id == id }) {
                f.selectedCallback = i
            }
            if let id = previousComplaint, let i = snapshot.complaints.firstIndex(where: { $0.id == id }) { f.selectedComplaint = i }
            f.selectedCallback = max(0, min(f.selectedCallback, snapshot.queue.count - 1))
            f.selectedComplaint = max(0, min(f.selectedComplaint, snapshot.complaints.count - 1))
            state.followUp = f
            if let id = f.detail?.row.id { return [.followUp(.loadComplaint(id: id))] }
            return []
        case .complaintLoaded(let detail):
            state.followUp.detail = detail
            if let id = detail?.row.id, let i = state.followUp.complaints.firstIndex(where: { $0.id == id }) {
                state.followUp.selectedComplaint = i
            }
            return []
        case .saved(let message):
            state.status = StatusLine(message, kind: .ok)
            return [.followUp(.load)]
        case .callbackCompleted(let completion):
            state.status = StatusLine(FollowUpStrings.completed(score: completion.callback.satisfaction,
                                                                complaint: completion.complaint != nil,
                                                                comeback: completion.comeback != nil),
                                      kind: completion.complaint == nil ? .ok : .warning)
            if let id = completion.complaint?.id {
                // The caller took the complaint on the phone: show it so they can work it at once.
                state.followUp.tab = .complaints
                return [.followUp(.load), .followUp(.loadComplaint(id: id))]
            }
            return [.followUp(.load)]
        case .complaintSaved(let message, let id):
            state.status = StatusLine(message, kind: .ok)
            state.followUp.tab = .complaints
            return [.followUp(.load), .followUp(.loadComplaint(id: id))]
        case .failed(let message):
            state.status = StatusLine(message, kind: .error)
            return [.followUp(.load)]
        }
    }

    public static func entered(_ state: inout AppState) -> [Effect] { [.followUp(.load)] }

    /// Once loaded, complaints keep loading even when the panel is not shown, so the header's overdue count
    /// stays current.
    public static func refresh(_ state: inout AppState) -> [Effect] {
        guard state.panel == .followUp || state.followUp.snapshot != nil else { return [] }
        return [.followUp(.load)]
    }

    public static func back(_ state: inout AppState) -> Bool {
        if state.followUp.survey != nil { state.followUp.survey = nil; return true }
        if state.followUp.prompt != nil { state.followUp.prompt = nil; return true }
        if state.followUp.picker != nil { state.followUp.picker = nil; return true }
        if state.followUp.detail != nil { state.followUp.detail = nil; return true }
        return false
    }

    /// A survey under way or a half-typed note.
    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        if let survey = state.followUp.survey, !survey.answers.isEmpty || !survey.input.isEmpty { return true }
        return !(state.followUp.prompt?.input.isEmpty ?? true)
    }

    // MARK: for other panels

    /// Open complaints past a timer (first contact or resolution), for the header's alert.
    public static func overdueComplaintCount(_ state: AppState) -> Int {
        guard let snapshot = state.followUp.snapshot else { return 0 }
        return snapshot.complaints.filter {
            ComplaintRules.isOverdue($0.complaint, now: state.now, settings: snapshot.complaintSettings)
        }.count
    }

    /// What to load when the console starts, so the header's overdue count is right before F7 is opened.
    public static func startupEffects() -> [Effect] { [.followUp(.load)] }

    /// Starts a walk-in / phone / online complaint for a customer (the shell's answer to the customer card's
    /// `.startComplaint` outcome, once it shows this panel): the complaints tab asks which car (when they have
    /// several), the channel, the category, then the description.
    static func startComplaint(_ state: inout AppState, customerID: RowID, vehicles: [Vehicle] = []) -> [Effect] {
        state.followUp.tab = .complaints
        state.followUp.detail = nil
        let cars = vehicles.filter { $0.id != nil }
        if cars.count > 1 {
            state.followUp.picker = FollowUpPicker(
                purpose: .newCar(customerID: customerID), title: FollowUpStrings.pickCar,
                options: cars.map { v in
                    let text = "\(Plate.display(v.plate))  \(FreeText.sanitize(v.model))"
                    return .init(value: String(v.id!), label: Message(zh: text, en: text))
                })
        } else {
            state.followUp.picker = channelPicker(customerID: customerID, vehicleID: cars.first?.id)
        }
        return entered(&state)
    }

    static func channelPicker(customerID: RowID, vehicleID: RowID?) -> FollowUpPicker {
        FollowUpPicker(purpose: .newChannel(customerID: customerID, vehicleID: vehicleID), title: FollowUpStrings.pickChannel,
                       options: [ComplaintChannel.phone, .walkIn, .online].map { .init(value: $0.rawValue, label: $0.label) })
    }
}
