import ConsoleCore
import ScreenKit
import ServiceDomain

/// The workshop panels' views: the waiting board (F5) and delivery (F6), with their prompt and picker.
enum WorkshopView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        switch state.panel {
        case .delivery: DeliveryView.render(state, into: &buffer, area: area, border: border)
        default: WaitingBoardView.render(state, into: &buffer, area: area, border: border)
        }
        if let picker = state.workshop.picker { renderPicker(picker, state, into: &buffer, area: area, border: border) }
        if let prompt = state.workshop.prompt { renderPrompt(prompt, state, into: &buffer, area: area, border: border) }
    }

    static func renderPicker(_ picker: WorkshopPicker, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        PickerDialog(title: state.text(picker.title), labels: picker.options.map { state.text($0.label) },
                     selected: picker.selected, hint: state.text(WorkshopStrings.pickerHint), style: border,
                     minimumWidth: 36, labelPadding: 8, chromeRows: 4)
            .render(into: &buffer, area: area)
    }

    static func renderPrompt(_ prompt: WorkshopPrompt, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        PromptDialog(title: state.text(prompt.title), input: prompt.input, hint: state.text(prompt.hint), style: border)
            .render(into: &buffer, area: area)
    }

    /// A short label for tight columns: the first word of the English label, the whole Chinese one.
    static func shortStage(_ stage: ROStage, _ language: Language, narrow: Bool = false) -> String {
        if language == .zhHans { return stage.label.zh }
        if narrow {
            // Eight columns at 80x24: words that fit whole rather than cut ones.
            switch stage {
            case .checkedIn: return "Arrived"
            case .dispatched: return "Assigned"
            case .inProgress: return "Working"
            case .waitingParts: return "Parts"
            default: break
            }
        }
        switch stage {
        case .checkedIn: return "Checked in"
        case .dispatched: return "Dispatched"
        case .inProgress: return "In progress"
        case .waitingParts: return "Parts wait"
        case .qualityCheck: return "QC"
        case .washing: return "Washing"
        case .readyForPickup: return "Ready"
        case .delivered: return "Delivered"
        case .onHold: return "On hold"
        case .cancelled: return "Cancelled"
        }
    }

    static func riskRole(_ risk: PromiseRisk) -> StyleRole {
        switch risk {
        case .missed: "ro.overdue"
        case .atRisk: "ro.atRisk"
        case .onTrack: "ro.onTrack"
        }
    }
}
