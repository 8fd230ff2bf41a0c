import Foundation
import ScreenKit
import ServiceDomain

/// The waiting board: one window of rows loaded from the store (never every order), the selection as an
/// index into the whole filtered board, and the filter and sort.
public struct BoardState: Sendable, Equatable {
    public var page: BoardPage?
    /// Index into the whole filtered board (not just the loaded window).
    public var selected = 0
    public var filter = WaitingBoardFilter()
    public var sort: WaitingBoardSort = .risk
    public var advisors: [StaffChoice] = []
    public var technicians: [StaffChoice] = []
    /// The order opened with Enter: jobs, history, QC, delay notices.
    public var detail: RODetail?
    /// Selected job in the opened order.
    public var detailJob = 0
    /// Opening hours: a promised time outside them is refused before the note is asked for.
    public var hours = ShopHours.standard
    public init() {}

    public var selectedRow: BoardRow? {
        guard let page, selected >= page.offset, selected - page.offset < page.rows.count else { return nil }
        return page.rows[selected - page.offset]
    }
    public var total: Int { page?.total ?? 0 }
}

/// The delivery panel: orders ready for pickup, the checklist of the selected one, and what was ticked.
public struct DeliveryPanelState: Sendable, Equatable {
    public var queue: BoardPage?
    public var selected = 0
    public var context: DeliveryContext?
    /// The checklist has the keyboard (↑↓ move between items).
    public var checklistFocused = false
    public var item = 0
    /// Ticks and overrides made with the customer, kept until the delivery is saved.
    public var ticked: [String: DeliveryItemState] = [:]
    /// The summary of the delivery just saved, shown until dismissed.
    public var summary: String?
    public var summaryNumber = ""
    public init() {}

    public var selectedRow: BoardRow? {
        guard let queue, selected >= queue.offset, selected - queue.offset < queue.rows.count else { return nil }
        return queue.rows[selected - queue.offset]
    }
}

/// What a line of text typed in a prompt is for.
public enum WorkshopPromptPurpose: Sendable, Equatable {
    case stageReason(roID: RowID, version: Int, from: ROStage, to: ROStage)
    case reassignReason(roID: RowID, version: Int, technicianID: RowID)
    case reassignJobReason(jobID: RowID, technicianID: RowID)
    /// `note` is what was typed before a refusal, offered again after the time.
    case delayTime(roID: RowID, version: Int, oldPromisedAt: Date, note: String)
    case delayNote(roID: RowID, version: Int, newPromisedAt: Date)
    case qcFailNote(roID: RowID)
    case additionalJob(roID: RowID)
    case amountNote(itemKey: String)
    /// One reason for every item still missing.
    case overrideMissing
    /// Labour, parts and hours of one line, version checked on its order.
    case editLine(jobID: RowID, orderVersion: Int)
}

public struct WorkshopPrompt: Sendable, Equatable {
    public var purpose: WorkshopPromptPurpose
    public var title: Message
    public var hint: Message
    public var input = TextInputState(maxLength: 200)
    public init(purpose: WorkshopPromptPurpose, title: Message, hint: Message) {
        self.purpose = purpose
        self.title = title
        self.hint = hint
    }
}

/// What a choice from a list is for.
public enum WorkshopPickerPurpose: Sendable, Equatable {
    case moveStage(roID: RowID, version: Int, from: ROStage)
    case technician(roID: RowID, version: Int, needsReason: Bool)
    /// One job of the opened order.
    case jobTechnician(jobID: RowID, needsReason: Bool)
    case qcResult(roID: RowID)
    /// Who signs the QC sheet, once the result (and a failure's note) is known.
    case qcInspector(roID: RowID, passed: Bool, note: String)
    /// How the customer answered on additional work.
    case approval(jobID: RowID, approved: Bool)
    case advisor(roID: RowID, version: Int)
}

public struct PickerOption: Sendable, Equatable {
    public var label: Message
    public var value: String
    public init(label: Message, value: String) {
        self.label = label
        self.value = value
    }
}

public struct WorkshopPicker: Sendable, Equatable {
    public var purpose: WorkshopPickerPurpose
    public var title: Message
    public var options: [PickerOption]
    public var selected = 0
    public init(purpose: WorkshopPickerPurpose, title: Message, options: [PickerOption]) {
        self.purpose = purpose
        self.title = title
        self.options = options
    }
}

/// State of the workshop panels, kept in `AppState.workshop`.
public struct WorkshopState: Sendable, Equatable {
    public var board = BoardState()
    public var delivery = DeliveryPanelState()
    public var prompt: WorkshopPrompt?
    public var picker: WorkshopPicker?
    /// A delay notice sent to the store: if it is refused, the dialog opens again with the time and the note.
    public var pendingDelay: PendingDelay?
    public init() {}

    /// Rows loaded per board query: enough to page through without reloading on every key.
    public static let window = 60
}

/// A delay notice on its way to the store, kept until it is saved.
public struct PendingDelay: Sendable, Equatable {
    public var roID: RowID
    public var version: Int
    public var oldPromisedAt: Date
    public var timeText: String
    public var note: String
}

/// What happened in the workshop panels (store answers come back as these).
public enum WorkshopEvent: Sendable, Equatable {
    case boardLoaded(BoardPage, focusID: RowID?)
    case staffLoaded(advisors: [StaffChoice], technicians: [StaffChoice])
    case shopHoursLoaded(ShopHours)
    /// Who may inspect this order; `operatorID` is offered first when among them.
    case inspectorsLoaded(roID: RowID, passed: Bool, note: String, [StaffChoice], operatorID: RowID?)
    case detailLoaded(RODetail?)
    /// A change was saved; the board (and the opened order) reload.
    case changeSaved(Message)
    /// A change was refused (rule, conflict with another terminal): the message, then fresh state.
    case changeFailed(Message)
    case deliveryQueueLoaded(BoardPage)
    case deliveryContextLoaded(DeliveryContext?)
    /// `summaryPath`: where the summary was written on delivery (nil when the write failed).
    case delivered(number: String, summary: String, callbackDue: Date, summaryPath: String? = nil)
    case summarySaved(path: String)
    case loadFailed(Message)
}

/// Work the workshop panels ask of the store; the runtime performs it (ConsoleApp/WorkshopEffects.swift).
public enum WorkshopRequest: Sendable, Equatable {
    case loadBoard(filter: WaitingBoardFilter, sort: WaitingBoardSort, offset: Int, limit: Int, focusID: RowID?)
    case loadStaff
    case loadDetail(roID: RowID)
    case moveStage(roID: RowID, version: Int, from: ROStage, to: ROStage, note: String)
    case dispatch(roID: RowID, version: Int, technicianID: RowID, reason: String)
    case assignJob(jobID: RowID, technicianID: RowID, reason: String)
    case recordQC(roID: RowID, passed: Bool, note: String, inspectorID: RowID)
    case loadInspectors(roID: RowID, passed: Bool, note: String)
    case editLine(jobID: RowID, orderVersion: Int, labour: Fen, parts: Fen, hours: Double)
    case reassignAdvisor(roID: RowID, version: Int, advisorID: RowID)
    case notifyDelay(roID: RowID, version: Int, newPromisedAt: Date, note: String)
    case addAdditionalJob(roID: RowID, description: String, labour: Fen, parts: Fen)
    case decideJob(jobID: RowID, approved: Bool, method: ApprovalMethod)
    case loadDeliveryQueue(offset: Int, limit: Int)
    case loadDeliveryContext(roID: RowID)
    case deliver(roID: RowID, version: Int, ticked: [String: DeliveryItemState])
    case saveSummary(number: String, text: String)
}
