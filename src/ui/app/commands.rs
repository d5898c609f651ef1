//! Application commands: one list used by the menus, the keyboard and buttons.

use egui::{Key, KeyboardShortcut, Modifiers};

/// The views of the app, in the order of the side bar; `--view` takes
/// their names in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    Today,
    Roadmap,
    Skills,
    Goals,
    People,
    Log,
    Review,
    Insights,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Today,
        View::Roadmap,
        View::Skills,
        View::Goals,
        View::People,
        View::Log,
        View::Review,
        View::Insights,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Today => "Today",
            View::Roadmap => "Roadmap",
            View::Skills => "Skills",
            View::Goals => "Goals & milestones",
            View::People => "People",
            View::Log => "Log",
            View::Insights => "Insights",
            View::Review => "Review",
        }
    }
}

/// Something the user can ask the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Where to begin a new plan: the choices of the welcome.
    New,
    GuidedStart,
    NewEmpty,
    NewFromSample,
    NewFromTemplate,
    Open,
    /// Roles, skills and goals from another plan, a template or a framework.
    Import,
    /// The occupation explorer: a role from O*NET's occupations.
    Occupations,
    /// Open a folder of other people's plans, one row each.
    OpenFolder,
    /// From a plan opened from a folder of plans back to the list.
    BackToFolder,
    Save,
    SaveAs,
    /// Write a copy without private text, to send to a mentor or a manager.
    ExportForSharing,
    /// File > Export, with this format chosen.
    Export(crate::io::export::Format),
    Undo,
    Redo,
    Show(View),
    Quit,
    /// Help > About: version, licence, where things are kept, thanks.
    About,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// Commands with a keyboard shortcut, in the order Help lists them.
    pub const WITH_SHORTCUTS: [Command; 15] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Undo,
        Command::Redo,
        Command::Quit,
        Command::Show(View::Today),
        Command::Show(View::Roadmap),
        Command::Show(View::Skills),
        Command::Show(View::Goals),
        Command::Show(View::People),
        Command::Show(View::Log),
        Command::Show(View::Insights),
        Command::Show(View::Review),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::New => "New\u{2026}",
            Command::GuidedStart => "Guided start\u{2026}",
            Command::NewEmpty => "New empty plan",
            Command::NewFromSample => "New from the sample plan",
            Command::NewFromTemplate => "New from a template\u{2026}",
            Command::Open => "Open\u{2026}",
            Command::Import => "Import from a plan or framework\u{2026}",
            Command::Occupations => "Explore occupations\u{2026}",
            Command::OpenFolder => "Open folder of plans\u{2026}",
            Command::BackToFolder => "Back to the folder of plans",
            Command::Save => "Save",
            Command::SaveAs => "Save as\u{2026}",
            Command::ExportForSharing => "Export for sharing\u{2026}",
            Command::Export(format) => format.menu_label(),
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Show(view) => view.label(),
            Command::Quit => "Quit",
            Command::About => "About Stepstone",
        }
    }

    /// The shortcut menus and hovers show: the first of [`Command::shortcuts`].
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every key that runs the command, the one to show first: one table
    /// for the keys, the menus and the side bar. Redo has two, as platforms
    /// differ (Ctrl+Shift+Z, Ctrl+Y).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let k = |m, key| vec![KeyboardShortcut::new(m, key)];
        match self {
            Command::New => k(CMD, Key::N),
            Command::Open => k(CMD, Key::O),
            Command::Save => k(CMD, Key::S),
            Command::SaveAs => k(CMD_SHIFT, Key::S),
            Command::Undo => k(CMD, Key::Z),
            Command::Redo => vec![
                KeyboardShortcut::new(CMD_SHIFT, Key::Z),
                KeyboardShortcut::new(CMD, Key::Y),
            ],
            Command::Quit => k(CMD, Key::Q),
            // Read by `App::back_key`, not with the others: Escape closes
            // pop-ups and leaves text fields first.
            Command::BackToFolder => k(Modifiers::NONE, Key::Escape),
            Command::Show(view) => {
                let keys = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                ];
                View::ALL
                    .iter()
                    .position(|v| *v == view)
                    .and_then(|i| keys.get(i))
                    .map_or_else(Vec::new, |key| k(CMD, *key))
            }
            Command::NewEmpty
            | Command::OpenFolder
            | Command::ExportForSharing
            | Command::Export(_)
            | Command::GuidedStart
            | Command::NewFromSample
            | Command::NewFromTemplate
            | Command::Import
            | Command::Occupations
            | Command::About => Vec::new(),
        }
    }

    /// True for commands whose keys a focused text field uses itself
    /// (Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo the typing).
    pub fn belongs_to_text_field(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// The command whose shortcut was pressed this frame, if any. Longer
    /// combinations are tried first, so Ctrl+Shift+Z is not read as Ctrl+Z.
    /// While a text field has the keyboard, the keys it uses itself are
    /// left to it.
    pub fn pressed(ctx: &egui::Context) -> Option<Command> {
        let typing = ctx.text_edit_focused();
        let mut keys: Vec<(Command, KeyboardShortcut)> = Self::WITH_SHORTCUTS
            .into_iter()
            .filter(|c| !(typing && c.belongs_to_text_field()))
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        keys.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        ctx.input_mut(|i| {
            keys.into_iter()
                .find(|(_, s)| i.consume_shortcut(s))
                .map(|(c, _)| c)
        })
    }

    /// Every shortcut, for Help: what it does and its keys ("Redo: Ctrl+Shift+Z
    /// or Ctrl+Y"), Escape's way back to a folder of plans included.
    pub fn shortcut_lines(ctx: &egui::Context) -> Vec<(&'static str, String)> {
        Self::WITH_SHORTCUTS
            .into_iter()
            .chain([Command::BackToFolder])
            .map(|c| {
                let keys: Vec<String> = c
                    .shortcuts()
                    .iter()
                    .map(|s| ctx.format_shortcut(s))
                    .collect();
                (c.label(), keys.join(" or "))
            })
            .collect()
    }

    /// A menu entry for the command, showing its shortcut; true if clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.label());
        if let Some(s) = self.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&s));
        }
        ui.add_enabled(enabled, button).clicked()
    }
}

/// How many modifier keys a shortcut holds down.
fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}
