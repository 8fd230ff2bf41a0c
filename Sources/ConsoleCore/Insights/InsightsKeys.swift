import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Comebacks panel (F8): move, confirm with a root cause and technician, dismiss with a reason.
enum ComebacksKeys {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.insights.decision != nil { return reduceDecisionKey(&state, key) }
        let count = state.insights.comebacks?.count ?? 0
        switch key {
        case .up: state.insights.selected = max(0, state.insights.selected - 1); return []
        case .down: state.insights.selected = max(0, min(count - 1, state.insights.selected + 1)); return []
        case .pageUp: state.insights.selected = max(0, state.insights.selected - 10); return []
        case .pageDown: state.insights.selected = max(0, min(count - 1, state.insights.selected + 10)); return []
        case .home: state.insights.selected = 0; return []
        case .end: state.insights.selected = max(0, count - 1); return []
        case .character("s"): return [.insights(.searchCandidates)]
        case .enter, .character("c"), .character("x"):
            guard let row = state.insights.selectedComeback, let id = row.comeback.id else {
                state.status = StatusLine(InsightsStrings.noSelection, kind: .warning)
                return []
            }
            guard row.comeback.status == .candidate else {
                state.status = StatusLine(InsightsStrings.alreadyDecided, kind: .warning)
                return []
            }
            let others = state.insights.allTechnicians.filter { t in !row.technicians.contains { $0.id == t.id } }
            state.insights.decision = ComebackDecision(comebackID: id, version: row.comeback.version,
                                                       step: key == .character("x") ? .dismissReason : .rootCause,
                                                       technicians: row.technicians + others)
            return []
        default: return []
        }
    }

    private static func reduceDecisionKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var d = state.insights.decision else { return [] }
        defer { if state.insights.decision != nil { state.insights.decision = d } }
        switch d.step {
        case .rootCause:
            let causes = RootCause.allCases
            if moveSelection(&d.selected, count: causes.count, key) { return [] }
            if key == .enter {
                d.step = .technician(causes[d.selected])
                d.selected = 0
            }
            return []
        case .technician(let cause):
            if moveSelection(&d.selected, count: d.technicians.count, key) { return [] }
            if key == .enter {
                guard d.technicians.indices.contains(d.selected) else {
                    state.status = StatusLine(ComebackDecisionError.technicianMissing.message, kind: .error)
                    return []
                }
                return [.insights(.confirm(id: d.comebackID, version: d.version, cause: cause,
                                           technicianID: d.technicians[d.selected].id))]
            }
            return []
        case .dismissReason:
            switch key {
            case .enter:
                guard !d.reason.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    state.status = StatusLine(ComebackDecisionError.reasonMissing.message, kind: .error)
                    return []
                }
                return [.insights(.dismiss(id: d.comebackID, version: d.version, reason: d.reason.text))]
            case .backspace: d.reason.backspace()
            case .left: d.reason.moveLeft()
            case .right: d.reason.moveRight()
            case .home: d.reason.moveHome()
            case .end: d.reason.moveEnd()
            case .character(let c): d.reason.insert(String(c))
            default: break
            }
            return []
        }
    }

    static func moveSelection(_ index: inout Int, count: Int, _ key: Key) -> Bool {
        switch key {
        case .up: index = max(0, index - 1)
        case .down: index = max(0, min(count - 1, index + 1))
        case .home: index = 0
        case .end: index = max(0, count - 1)
        default: return false
        }
        return true
    }
}

/// Keys of the Reports panel (F9): the period, the table shown, the CSV export.
enum ReportsKeys {
    static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if var input = state.insights.customPeriod {
            switch key {
            case .enter:
                guard let period = ReportPeriod.parse(input.text, timeZone: state.timeZone) else {
                    state.status = StatusLine(InsightsStrings.badPeriod, kind: .error)
                    return []
                }
                state.insights.customPeriod = nil
                return show(&state, period)
            case .backspace: input.backspace()
            case .left: input.moveLeft()
            case .right: input.moveRight()
            case .character(let c): input.insert(String(c))
            default: break
            }
            state.insights.customPeriod = input
            return []
        }
        let current = state.insights.period ?? ReportPeriod.containing(state.now, kind: .month, timeZone: state.timeZone)
        switch key {
        case .character("d"): return show(&state, .containing(current.start, kind: .day, timeZone: state.timeZone))
        case .character("w"): return show(&state, .containing(current.start, kind: .week, timeZone: state.timeZone))
        case .character("m"): return show(&state, .containing(current.start, kind: .month, timeZone: state.timeZone))
        case .character("c"):
            state.insights.customPeriod = TextInputState(text: current.label(timeZone: state.timeZone), maxLength: 40)
            return []
        case .left, .character("["): return show(&state, current.shifted(by: -1, timeZone: state.timeZone))
        case .right, .character("]"): return show(&state, current.shifted(by: 1, timeZone: state.timeZone))
        case .character("t"):
            let kinds: [ReportTable.Kind] = [.technicians, .advisors, .categories, .months]
            let i = kinds.firstIndex(of: state.insights.table) ?? 0
            state.insights.table = kinds[(i + 1) % kinds.count]
            return []
        case .character("e"): return [.insights(.exportReport(current, state.language))]
        default: return []
        }
    }

    private static func show(_ state: inout AppState, _ period: ReportPeriod) -> [Effect] {
        state.insights.period = period
        return [.insights(.loadReport(period))]
    }
}
