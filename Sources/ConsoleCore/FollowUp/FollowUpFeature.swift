import Foundation
import ScreenKit
import ServiceDomain

/// The follow-up panel's part of the reducer. `PanelRouter` calls these; each returns effects to run.
public enum FollowUpFeature {
    /// A key while one of this feature's panels is shown (after global commands).
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.followUp.survey != nil { return FollowUpForms.reduceSurveyKey(&state, key) }
        if state.followUp.prompt != nil { return FollowUpForms.reducePromptKey(&state, key) }
        if state.followUp.picker != nil { return FollowUpForms.reducePickerKey(&state, key) }
        return FollowUpKeys.reduceKey(&state, key)
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

    /// The panel was just shown: load what it displays.
    public static func entered(_ state: inout AppState) -> [Effect] { [.followUp(.load)] }

    /// Another terminal changed the database: reload what is shown. Once loaded, complaints keep loading even
    /// when the panel is not shown, so the header's overdue count stays current.
    public static func refresh(_ state: inout AppState) -> [Effect] {
        guard state.panel == .followUp || state.followUp.snapshot != nil else { return [] }
        return [.followUp(.load)]
    }

    /// Esc: close the innermost thing open in the panel; false when nothing was open.
    public static func handleBack(_ state: inout AppState) -> Bool {
        if state.followUp.survey != nil { state.followUp.survey = nil; return true }
        if state.followUp.prompt != nil { state.followUp.prompt = nil; return true }
        if state.followUp.picker != nil { state.followUp.picker = nil; return true }
        if state.followUp.detail != nil { state.followUp.detail = nil; return true }
        return false
    }

    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool { state.followUp.prompt != nil || state.followUp.survey != nil }
    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool { false }
    /// Input typed but not saved (quitting asks first): a survey under way or a half-typed note.
    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        if let survey = state.followUp.survey, !survey.answers.isEmpty || !survey.input.isEmpty { return true }
        return !(state.followUp.prompt?.input.isEmpty ?? true)
    }

    /// The panel's own key bindings (shown in the help bar and the `?` overlay).
    public static func bindings(for state: AppState) -> [KeyBinding] {
        let f = state.followUp
        if f.picker != nil || f.prompt != nil || f.survey != nil { return [] }
        func b(_ c: Character, _ label: Message) -> KeyBinding {
            KeyBinding(keys: [.character(c)], command: .panel(String(c)), scope: .notTyping, barLabel: label, help: label)
        }
        let switchTab = KeyBinding(keys: [.left, .right, .character("v")], command: .panel("v"), scope: .notTyping,
                                   barLabel: FollowUpStrings.keySwitch, help: FollowUpStrings.keySwitch)
        if f.tab == .callbacks {
            return [KeyBinding(keys: [.enter], command: .open, scope: .list, barLabel: FollowUpStrings.keyCall,
                               help: FollowUpStrings.keyCall),
                    b("r", FollowUpStrings.keyReached), b("n", FollowUpStrings.keyNoAnswer), switchTab,
                    // In the overlay only: the bar stays as it was at 80 columns.
                    KeyBinding(keys: [.character("m")], command: .panel("m"), scope: .notTyping, barLabel: nil,
                               help: FollowUpStrings.keyMessageSent),
                    KeyBinding(keys: [.character("p")], command: .panel("p"), scope: .notTyping, barLabel: nil,
                               help: FollowUpStrings.keyCallWindow)]
        }
        if f.detail != nil {
            return [b("t", FollowUpStrings.keyTake), b("a", FollowUpStrings.keyNextStep), b("h", FollowUpStrings.keyHandOver),
                    switchTab]
        }
        // The same keys work on the selected row; the bar keeps its 80-column width, the overlay lists them.
        func overlayOnly(_ c: Character, _ label: Message) -> KeyBinding {
            KeyBinding(keys: [.character(c)], command: .panel(String(c)), scope: .notTyping, barLabel: nil, help: label)
        }
        return [KeyBinding(keys: [.enter], command: .open, scope: .list, barLabel: FollowUpStrings.keyOpen,
                           help: FollowUpStrings.keyOpen), switchTab,
                overlayOnly("t", FollowUpStrings.keyTake), overlayOnly("a", FollowUpStrings.keyNextStep),
                overlayOnly("h", FollowUpStrings.keyHandOver)]
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

    /// Starts a walk-in / phone / online complaint for a customer (from the customer card): shows the
    /// follow-up panel's complaints and asks which car (when they have several), the channel, the category,
    /// then the description.
    public static func startComplaint(_ state: inout AppState, customerID: RowID, vehicles: [Vehicle] = []) -> [Effect] {
        state.panel = .followUp
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
