//! The chart's plot area: which entry drew what in each cell, and what a cell shows when
//! entries' lines meet, so that it reads with no colour at all.

use anstyle::{AnsiColor, Style};

use super::super::Paint;

/// How one entry is drawn: its point glyph, its line style and its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Look {
    pub glyph: char,
    pub across: char,
    pub up: char,
    /// The corner where a line arriving from the left goes up (a slip).
    pub turn_up: char,
    /// The corner where a line arriving from the left goes down (a pull-in).
    pub turn_down: char,
    pub colour: AnsiColor,
}

const fn look(glyph: char, lines: [char; 4], colour: AnsiColor) -> Look {
    let [across, up, turn_up, turn_down] = lines;
    Look {
        glyph,
        across,
        up,
        turn_up,
        turn_down,
        colour,
    }
}

/// One look per entry the chart tells apart: glyph and line style each differ, so neither
/// colour nor the other is needed to follow a line.
pub(super) const LOOKS: [Look; 6] = [
    look('●', ['─', '│', '┘', '┐'], AnsiColor::Cyan),
    look('■', ['━', '┃', '┛', '┓'], AnsiColor::Magenta),
    look('◆', ['═', '║', '╝', '╗'], AnsiColor::Yellow),
    look('★', ['┄', '┆', '╯', '╮'], AnsiColor::Green),
    look('○', ['┅', '┇', '┛', '┓'], AnsiColor::Blue),
    look('□', ['╌', '╎', '╯', '╮'], AnsiColor::BrightRed),
];

/// Where promised and version date are the same day.
pub(super) const DIAGONAL: char = '·';
/// The column of today.
pub(super) const TODAY: char = '┊';
/// Lines of two or more entries that run along one row.
pub(super) const RUN_TOGETHER: char = '≡';
/// Jumps of two or more entries in one cell.
pub(super) const CROSS: char = '┼';

/// What an entry drew in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece {
    /// The entry's promise in one version.
    Point,
    /// The promise holding from one version to the next.
    Across,
    /// The jump to a new promise.
    Up,
    /// The corner where a held promise turns into a jump upward.
    TurnUp,
    /// The corner where a held promise turns into a jump downward.
    TurnDown,
}

/// What, besides entries, a cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Ground {
    Empty,
    Diagonal,
    Today,
}

/// What the chart shows where entries meet, so the legend explains only what is there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Meetings {
    pub runs: bool,
    pub crossings: bool,
}

/// A grid of cells, row 0 at the bottom, each with the pieces entries drew there.
pub(super) struct Canvas {
    width: usize,
    height: usize,
    marks: Vec<Vec<(usize, Piece)>>,
    ground: Vec<Ground>,
}

/// What a cell shows, and in what style.
struct Shown {
    c: char,
    style: Style,
    meeting: Option<char>,
}

impl Canvas {
    /// Returns an empty canvas.
    pub(super) fn new(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            height,
            marks: vec![Vec::new(); width * height],
            ground: vec![Ground::Empty; width * height],
        }
    }

    fn at(&self, x: usize, y: usize) -> Option<usize> {
        (x < self.width && y < self.height).then(|| y * self.width + x)
    }

    /// Records that `entry` drew `piece` at column `x`, row `y` (outside: nothing).
    pub(super) fn mark(&mut self, x: usize, y: usize, entry: usize, piece: Piece) {
        if let Some(i) = self.at(x, y)
            && !self.marks[i].contains(&(entry, piece))
        {
            self.marks[i].push((entry, piece));
        }
    }

    /// Puts the diagonal's dot at a cell.
    pub(super) fn diagonal(&mut self, x: usize, y: usize) {
        self.ground_at(x, y, Ground::Diagonal);
    }

    /// Puts today's line through column `x`.
    pub(super) fn today(&mut self, x: usize) {
        for y in 0..self.height {
            self.ground_at(x, y, Ground::Today);
        }
    }

    fn ground_at(&mut self, x: usize, y: usize, ground: Ground) {
        if let Some(i) = self.at(x, y) {
            self.ground[i] = self.ground[i].max(ground);
        }
    }

    /// Returns what the cell shows: a point's glyph, else one entry's jump or held line in
    /// its own style, else a sign that entries meet there, else the ground.
    fn shown(&self, i: usize) -> Shown {
        let marks = &self.marks[i];
        let of = |wanted: fn(Piece) -> bool| {
            let mut entries: Vec<usize> = marks
                .iter()
                .filter(|(_, p)| wanted(*p))
                .map(|(e, _)| *e)
                .collect();
            entries.sort_unstable();
            entries.dedup();
            entries
        };
        let plain = |c: char| Shown {
            c,
            style: Style::new(),
            meeting: None,
        };
        let own = |entry: usize, c: fn(&Look) -> char| {
            let look = LOOKS[entry % LOOKS.len()];
            Shown {
                style: look.colour.on_default(),
                ..plain(c(&look))
            }
        };
        let met = |c: char| Shown {
            style: Style::new().bold(),
            meeting: Some(c),
            ..plain(c)
        };
        // Points are placed one to a cell; the lowest entry wins should the width run out.
        if let Some(&entry) = of(|p| p == Piece::Point).first() {
            return own(entry, |l| l.glyph);
        }
        // A jump shows in its entry's style even where it leaves lines held on its row.
        match of(|p| p != Piece::Across).as_slice() {
            [] => {}
            [one] => {
                let has = |p: Piece| marks.contains(&(*one, p));
                return if has(Piece::TurnUp) {
                    own(*one, |l| l.turn_up)
                } else if has(Piece::TurnDown) {
                    own(*one, |l| l.turn_down)
                } else {
                    own(*one, |l| l.up)
                };
            }
            _ => return met(CROSS),
        }
        match of(|_| true).as_slice() {
            [] => match self.ground[i] {
                Ground::Empty => plain(' '),
                Ground::Diagonal => Shown {
                    style: AnsiColor::BrightBlack.on_default(),
                    ..plain(DIAGONAL)
                },
                Ground::Today => Shown {
                    style: AnsiColor::Red.on_default(),
                    ..plain(TODAY)
                },
            },
            [one] => own(*one, |l| l.across),
            _ => met(RUN_TOGETHER),
        }
    }

    /// Returns which kinds of meeting the canvas shows.
    pub(super) fn meetings(&self) -> Meetings {
        let mut found = Meetings::default();
        for i in 0..self.marks.len() {
            match self.shown(i).meeting {
                Some(RUN_TOGETHER) => found.runs = true,
                Some(_) => found.crossings = true,
                None => {}
            }
        }
        found
    }

    /// Returns row `y` as text, painted in runs of one style, without trailing blanks.
    pub(super) fn row(&self, y: usize, paint: Paint) -> String {
        let cells = (0..self.width)
            .map_while(|x| self.at(x, y))
            .map(|i| self.shown(i))
            .map(|shown| (shown.style, shown.c));
        paint.cells(cells)
    }
}
