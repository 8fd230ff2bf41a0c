import Foundation
import ScreenKit
import ServiceDomain

/// A loaded report with what its tables need beside the figures.
public struct LoadedReport: Sendable, Equatable {
    public var report: KPIReport
    public var targets: KPITargets
    public var names: [RowID: String]

    public init(report: KPIReport, targets: KPITargets, names: [RowID: String]) {
        self.report = report
        self.targets = targets
        self.names = names
    }
}

/// The lead's decision on the selected candidate, one step at a time.
public struct ComebackDecision: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case rootCause
        case technician(RootCause)
        case dismissReason
    }

    public var comebackID: RowID
    public var version: Int
    public var step: Step
    public var selected = 0
    /// Technicians of the earlier order first, then the others.
    public var technicians: [StaffChoice]
    public var reason = TextInputState(maxLength: 500)
}

/// State of the comebacks and reports panels, kept in `AppState.insights`.
public struct InsightsState: Sendable, Equatable {
    public var comebacks: [ComebackListing]?
    /// Technicians' rates already read, by comeback id (kept across reloads of the list).
    public var technicianRates: [RowID: [RowID: RateRow]] = [:]
    public var allTechnicians: [StaffChoice] = []
    /// The comeback list's selection and scroll, kept here (never rebuilt by the view).
    public var comebackTable = TableState()
    public var selected: Int {
        get { comebackTable.selected }
        set { comebackTable.selected = max(0, newValue) }
    }
    public var decision: ComebackDecision?
    public var report: LoadedReport?
    public var period: ReportPeriod?
    public var table: ReportTable.Kind = .technicians
    /// Typing a custom period (`2026-11-01..2026-11-15`).
    public var customPeriod: TextInputState?

    public init() {}

    public var selectedComeback: ComebackListing? {
        guard let list = comebacks, list.indices.contains(selected) else { return nil }
        return list[selected]
    }
}

/// What happened in the comebacks and reports panels (store answers come back as these).
public enum InsightsEvent: Sendable, Equatable {
    case comebacksLoaded([ComebackListing], technicians: [StaffChoice])
    case ratesLoaded(comebackID: RowID, rates: [RowID: RateRow])
    case reportLoaded(LoadedReport)
    case decided(Message)
    case searched(added: Int)
    case exported(folder: String, files: Int)
    case failed(Message)
}

/// Work the comebacks and reports panels asks of the store; the runtime performs it (ConsoleApp/InsightsEffects.swift).
public enum InsightsRequest: Sendable, Equatable {
    case loadComebacks
    /// The technicians' rates of one listing (read when the selection reaches it).
    case loadRates(ComebackListing)
    case searchCandidates
    case confirm(id: RowID, version: Int, cause: RootCause, technicianID: RowID)
    case dismiss(id: RowID, version: Int, reason: String)
    case loadReport(ReportPeriod)
    case exportReport(ReportPeriod, Language)
}

/// The comebacks (F8) and reports (F9) panels.
public enum InsightsFeature: PanelFeature {
    public static func keys(_ state: AppState) -> ModeKeys {
        if state.panel == .reports {
            return state.insights.customPeriod != nil ? ModeKeys(.dialog, typing: true, DialogKeys.prompt)
                : ModeKeys(.card, ReportsKeys.table)
        }
        if let d = state.insights.decision { return ModeKeys(.dialog, typing: true, ComebacksKeys.decisionTable(d)) }
        return ModeKeys(.list, ComebacksKeys.listTable)
    }

    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        if state.panel == .reports { return Reduction(ReportsKeys.reduceKey(&state, key)) }
        let before = state.insights.selectedComeback?.comeback.id
        let effects = ComebacksKeys.reduceKey(&state, key)
        return Reduction(state.insights.selectedComeback?.comeback.id == before ? effects : effects + ratesForSelection(&state))
    }

    /// Fills the selected listing's rates from those already read, or asks for them.
    static func ratesForSelection(_ state: inout AppState) -> [Effect] {
        guard let listing = state.insights.selectedComeback, let id = listing.comeback.id else { return [] }
        if let rates = state.insights.technicianRates[id] {
            let selected = state.insights.selected
            if listing.technicianRates != rates { state.insights.comebacks?[selected].technicianRates = rates }
            return []
        }
        return listing.technicians.isEmpty || listing.earlierDeliveredAt == nil ? [] : [.insights(.loadRates(listing))]
    }

    public static func reduce(_ state: inout AppState, _ event: InsightsEvent) -> [Effect] {
        switch event {
        case .comebacksLoaded(let list, let technicians):
            let previous = state.insights.selectedComeback?.comeback.id
            state.insights.comebacks = list
            state.insights.allTechnicians = technicians
            if let previous, let i = list.firstIndex(where: { $0.comeback.id == previous }) { state.insights.selected = i }
            state.insights.selected = max(0, min(state.insights.selected, list.count - 1))
            return ratesForSelection(&state)
        case .ratesLoaded(let id, let rates):
            state.insights.technicianRates[id] = rates
            return ratesForSelection(&state)
        case .reportLoaded(let loaded):
            state.insights.report = loaded
            return []
        case .decided(let message):
            state.insights.decision = nil
            state.insights.technicianRates = [:]
            state.status = StatusLine(message, kind: .ok)
            return [.insights(.loadComebacks)] + (state.insights.period.map { [.insights(.loadReport($0))] } ?? [])
        case .searched(let added):
            state.status = StatusLine(InsightsStrings.searched(added), kind: added > 0 ? .warning : .ok)
            return [.insights(.loadComebacks)]
        case .exported(let folder, let files):
            state.status = StatusLine(InsightsStrings.exported(files, folder: folder), kind: .ok)
            return []
        case .failed(let message):
            state.status = StatusLine(message, kind: .error)
            guard state.insights.decision != nil else { return [] }
            state.insights.decision = nil
            state.insights.technicianRates = [:]
            return [.insights(.loadComebacks)]
        }
    }

    public static func entered(_ state: inout AppState) -> [Effect] {
        if state.panel == .reports {
            let period = state.insights.period
                ?? ReportPeriod.containing(state.now, kind: .month, timeZone: state.timeZone)
            state.insights.period = period
            return [.insights(.loadReport(period))]
        }
        // Rates read earlier may have moved while another panel was shown: read them again.
        state.insights.technicianRates = [:]
        return [.insights(.loadComebacks)]
    }

    public static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.panel {
        case .comebacks:
            state.insights.technicianRates = [:]
            return [.insights(.loadComebacks)]
        case .reports: return state.insights.period.map { [.insights(.loadReport($0))] } ?? []
        default: return []
        }
    }

    public static func back(_ state: inout AppState) -> Bool {
        if state.insights.customPeriod != nil { state.insights.customPeriod = nil; return true }
        if state.insights.decision != nil { state.insights.decision = nil; return true }
        return false
    }

    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        !(state.insights.decision?.reason.isEmpty ?? true)
    }
}
