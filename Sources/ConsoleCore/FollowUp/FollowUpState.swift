import Foundation
import ScreenKit
import ServiceDomain

public enum FollowUpTab: Sendable, Equatable { case callbacks, complaints }

/// A short list to choose from (call outcome, next complaint step, category, owner…).
public struct FollowUpPicker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case outcome(callbackID: RowID, version: Int)
        case nextStep(complaintID: RowID, version: Int)
        case category(complaintID: RowID, version: Int)
        case closing(complaintID: RowID, version: Int)
        case owner(complaintID: RowID, version: Int)
        /// Which of the customer's cars the complaint is about (asked when they have several).
        case newCar(customerID: RowID)
        case newChannel(customerID: RowID, vehicleID: RowID?)
        case newCategory(customerID: RowID, vehicleID: RowID?, channel: ComplaintChannel)
        /// Which unreachable customer's text message or letter went out.
        case messageSent
        /// The window the customer takes calls in.
        case callWindow(customerID: RowID, customerName: String)
    }
    public struct Option: Sendable, Equatable {
        public var value: String
        public var label: Message
        /// A letter that picks this option at once.
        public var shortcut: Character?
        public init(value: String, label: Message, shortcut: Character? = nil) {
            self.value = value
            self.label = label
            self.shortcut = shortcut
        }
    }
    public var purpose: Purpose
    public var title: Message
    public var options: [Option]
    public var selected = 0
}

/// One line of text to type (a call-back time, a step note, a reason…).
public struct FollowUpPrompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case callBackTime(callbackID: RowID, version: Int)
        case stepNote(complaintID: RowID, version: Int, step: ComplaintStep, category: ComplaintCategory?)
        case closeReason(complaintID: RowID, version: Int)
        case handoverNote(complaintID: RowID, version: Int, ownerID: RowID)
        case newComplaint(customerID: RowID, vehicleID: RowID?, channel: ComplaintChannel, category: ComplaintCategory)
    }
    public var purpose: Purpose
    public var title: Message
    public var hint: Message
    public var input = TextInputState(maxLength: 500)
}

/// The reached call's script, one question at a time.
public struct SurveyForm: Sendable, Equatable {
    public var callbackID: RowID
    public var version: Int
    public var customerName: String
    public var questions: [SurveyQuestion]
    public var index = 0
    public var answers: [String: String] = [:]
    public var input = TextInputState(maxLength: 500)

    public var question: SurveyQuestion { questions[index] }
}

/// An opened complaint with its step history.
public struct ComplaintDetail: Sendable, Equatable {
    public var row: ComplaintRow
    public var history: [ComplaintStepRecord]
    public init(row: ComplaintRow, history: [ComplaintStepRecord]) {
        self.row = row
        self.history = history
    }
}

/// Everything the follow-up panel loads at once.
public struct FollowUpSnapshot: Sendable, Equatable {
    public var queue: [CallbackRow]
    public var tasks: [CallbackRow]
    public var complaints: [ComplaintRow]
    public var settings: FollowUpSettings
    public var complaintSettings: ComplaintSettings
    public var staff: [StaffChoice]
    public init(queue: [CallbackRow], tasks: [CallbackRow], complaints: [ComplaintRow], settings: FollowUpSettings,
                complaintSettings: ComplaintSettings, staff: [StaffChoice]) {
        self.queue = queue
        self.tasks = tasks
        self.complaints = complaints
        self.settings = settings
        self.complaintSettings = complaintSettings
        self.staff = staff
    }
}

/// State of the follow-up panel, kept in `AppState.followUp`.
public struct FollowUpState: Sendable, Equatable {
    public var tab: FollowUpTab = .callbacks
    /// Nil until the first load.
    public var snapshot: FollowUpSnapshot?
    /// The callback queue's selection and scroll, kept here (never rebuilt by the view).
    public var callbackTable = TableState()
    /// The complaint list's selection and scroll.
    public var complaintTable = TableState()
    public var detail: ComplaintDetail?
    public var picker: FollowUpPicker?
    public var prompt: FollowUpPrompt?
    public var survey: SurveyForm?
    /// A call was just recorded: the next load keeps the cursor on the same row of the list instead of
    /// following the call (which moves down to its retry time).
    public var keepRowOnReload = false

    public init() {}

    public var selectedCallback: Int {
        get { callbackTable.selected }
        set { callbackTable.selected = max(0, newValue) }
    }
    public var selectedComplaint: Int {
        get { complaintTable.selected }
        set { complaintTable.selected = max(0, newValue) }
    }

    public var queue: [CallbackRow] { snapshot?.queue ?? [] }
    public var complaints: [ComplaintRow] { snapshot?.complaints ?? [] }
    public var selectedCallbackRow: CallbackRow? { queue.indices.contains(selectedCallback) ? queue[selectedCallback] : nil }
    public var selectedComplaintRow: ComplaintRow? {
        complaints.indices.contains(selectedComplaint) ? complaints[selectedComplaint] : nil
    }
}

/// What happened in the follow-up panel (store answers come back as these).
public enum FollowUpEvent: Sendable, Equatable {
    case loaded(FollowUpSnapshot)
    case complaintLoaded(ComplaintDetail?)
    case saved(Message)
    /// A reached call was stored; the complaint it opened (if any) is shown next.
    case callbackCompleted(CallbackCompletion)
    case complaintSaved(Message, complaintID: RowID)
    case failed(Message)
}

/// Work the follow-up panel asks of the store; the runtime performs it (ConsoleApp/FollowUpEffects.swift).
public enum FollowUpRequest: Sendable, Equatable {
    case load
    case loadComplaint(id: RowID)
    case recordOutcome(callbackID: RowID, version: Int, outcome: CallOutcome, callBackAt: Date?)
    case markMessageSent(callbackID: RowID, version: Int)
    case completeCallback(callbackID: RowID, version: Int, answers: [String: String])
    /// Linked to the latest order of `vehicleID` (of the customer when nil).
    case openComplaint(customerID: RowID, vehicleID: RowID?, channel: ComplaintChannel, category: ComplaintCategory,
                       description: String)
    case advanceComplaint(id: RowID, version: Int, step: ComplaintStep, note: String, closing: ComplaintClosing?,
                          category: ComplaintCategory?)
    case takeComplaint(id: RowID, version: Int)
    case handOver(id: RowID, version: Int, to: RowID, note: String)
    case setCallWindow(customerID: RowID, customerName: String, window: CallWindow)
}
