//! A small YAML tree with positions, built from saphyr's event parser, safe on hostile input.
//!
//! Roadmap files need mappings, sequences and scalars, nothing more. Anchors and aliases are
//! refused (an alias bomb cannot expand), tags are refused, nesting is capped, and a file holds
//! one document, so every node the tree holds was written out in the file.

use std::borrow::Cow;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};

mod explain;

use explain::explain;

/// Deeper than any roadmap file needs; deep enough for flow-style specs inside entries.
pub const MAX_DEPTH: usize = 32;

/// A place in the text: 1-based line and column (in characters), the caret's width, and the
/// byte offset where it starts, which lets a diagnostic find its line's text without a rescan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub offset: usize,
}

/// A node of the tree and where it starts; scalars borrow the text where they can.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub pos: Pos,
    pub value: Value<'a>,
}

/// What a node holds. A scalar keeps whether it was plain, since only a plain `2026` is a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Scalar {
        text: Cow<'a, str>,
        plain: bool,
    },
    Seq(Vec<Node<'a>>),
    Map(Vec<(Node<'a>, Node<'a>)>),
    /// An entry handed to `parse_with`'s callback, which took it.
    Taken,
}

impl Node<'_> {
    /// Returns the scalar's text, if this is a scalar.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Returns whether this is a plain `null`, `~` or empty scalar (YAML's null).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if text.is_empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// Returns the word for what this node is, for messages: `a mapping`, `a list`, `text`.
    pub fn describe(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "empty",
            Value::Scalar { plain: false, .. } => "quoted text",
            Value::Scalar { .. } => "a scalar",
            Value::Seq(_) => "a list",
            Value::Map(_) | Value::Taken => "a mapping",
        }
    }
}

/// A file that is not YAML this loader accepts, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
}

/// Returns the single document of `text` as a tree, or `None` for a file with no content.
#[cfg(test)]
pub fn parse(text: &str) -> Result<Option<Node<'_>>, SyntaxError> {
    parse_with(text, &mut |node| node)
}

/// Returns the document like `parse`, handing each item of an `entries` list to `on_entry` as
/// soon as it is complete and keeping what it returns instead (`Value::Taken` once the item is
/// decoded), so that a large file never holds the tree of all its entries at once.
pub fn parse_with<'a>(
    text: &'a str,
    on_entry: &mut dyn FnMut(Node<'a>) -> Node<'a>,
) -> Result<Option<Node<'a>>, SyntaxError> {
    let mut builder = Builder {
        stack: Vec::new(),
        root: None,
        documents: 0,
        on_entry,
        offsets: Offsets::new(text),
    };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let at = Pos {
                line: e.marker().line(),
                column: e.marker().col() + 1,
                width: 1,
                offset: builder.offsets.byte(e.marker().index()),
            };
            explain(text, at).unwrap_or_else(|| SyntaxError {
                pos: at,
                message: format!("invalid YAML: {}", e.info()),
                hint: None,
            })
        })?;
        builder.on_event(event, span)?;
    }
    Ok(builder.root)
}

enum Open<'a> {
    Seq(Pos, Vec<Node<'a>>),
    /// A mapping, with the key read and waiting for its value, if any.
    Map(Pos, Vec<(Node<'a>, Node<'a>)>, Option<Node<'a>>),
}

struct Builder<'a, 'h> {
    stack: Vec<Open<'a>>,
    root: Option<Node<'a>>,
    documents: usize,
    on_entry: &'h mut dyn FnMut(Node<'a>) -> Node<'a>,
    offsets: Offsets<'a>,
}

/// Turns the parser's character indexes into byte offsets. Events come in the order of the
/// text, so a cursor that steps from the last index to the next reads the text about once.
struct Offsets<'a> {
    text: &'a str,
    index: usize,
    byte: usize,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Offsets {
            text,
            index: 0,
            byte: 0,
        }
    }

    /// Returns the byte offset of character `index` (the text's length past its end).
    fn byte(&mut self, index: usize) -> usize {
        while self.index < index && self.byte < self.text.len() {
            let c = self.text[self.byte..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            self.byte += c;
            self.index += 1;
        }
        while self.index > index {
            let c = self.text[..self.byte]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
            self.byte -= c;
            self.index -= 1;
        }
        self.byte
    }
}

impl<'a> Builder<'a, '_> {
    fn on_event(&mut self, event: Event<'a>, span: YamlSpan) -> Result<(), SyntaxError> {
        let pos = to_pos(span, &mut self.offsets);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(error(
                        pos,
                        "more than one YAML document in the file",
                        "a roadmap file holds one document; remove the second `---`",
                    ));
                }
            }
            Event::Alias(_) => {
                return Err(error(
                    pos,
                    "aliases (`*name`) are not supported in roadmap files",
                    "write the value out in full",
                ));
            }
            Event::Scalar(text, style, anchor, tag) => {
                refuse_anchor_or_tag(pos, anchor, tag.is_some())?;
                let plain = matches!(style, ScalarStyle::Plain);
                self.push(Node {
                    pos,
                    value: Value::Scalar { text, plain },
                })?;
            }
            Event::SequenceStart(anchor, tag) => {
                refuse_anchor_or_tag(pos, anchor, tag.is_some())?;
                self.open(Open::Seq(pos, Vec::new()))?;
            }
            Event::MappingStart(anchor, tag) => {
                refuse_anchor_or_tag(pos, anchor, tag.is_some())?;
                self.open(Open::Map(pos, Vec::new(), None))?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Seq(pos, items)) => Node {
                        pos,
                        value: Value::Seq(items),
                    },
                    Some(Open::Map(pos, pairs, _)) => Node {
                        pos,
                        value: Value::Map(pairs),
                    },
                    None => return Err(error(pos, "unbalanced YAML structure", "")),
                };
                self.push(node)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn open(&mut self, open: Open<'a>) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            let pos = match &open {
                Open::Seq(pos, _) | Open::Map(pos, _, _) => *pos,
            };
            return Err(error(
                pos,
                &format!("nesting deeper than {MAX_DEPTH} levels"),
                "a roadmap file needs a few levels: vendor, entries, fields",
            ));
        }
        self.stack.push(open);
        Ok(())
    }

    /// Returns whether the innermost open node is the list under an `entries:` key.
    fn in_entries_list(&self) -> bool {
        let n = self.stack.len();
        n >= 2
            && matches!(self.stack[n - 1], Open::Seq(..))
            && matches!(&self.stack[n - 2], Open::Map(_, _, Some(key)) if key.as_scalar() == Some("entries"))
    }

    fn push(&mut self, node: Node<'a>) -> Result<(), SyntaxError> {
        let is_entry = matches!(node.value, Value::Map(_)) && self.in_entries_list();
        let node = if is_entry {
            (self.on_entry)(node)
        } else {
            node
        };
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, pairs, pending)) => match pending.take() {
                None => {
                    if node.as_scalar().is_none() {
                        return Err(error(
                            node.pos,
                            "a mapping key must be a plain word",
                            "keys are field names such as `id` or `available`",
                        ));
                    }
                    *pending = Some(node);
                }
                Some(key) => pairs.push((key, node)),
            },
        }
        Ok(())
    }
}

fn refuse_anchor_or_tag(pos: Pos, anchor: usize, tagged: bool) -> Result<(), SyntaxError> {
    if anchor != 0 {
        return Err(error(
            pos,
            "anchors (`&name`) are not supported in roadmap files",
            "write each value out in full",
        ));
    }
    if tagged {
        return Err(error(
            pos,
            "YAML tags (`!tag`) are not supported in roadmap files",
            "remove the tag; quote a value to make it text",
        ));
    }
    Ok(())
}

fn error(pos: Pos, message: &str, hint: &str) -> SyntaxError {
    SyntaxError {
        pos,
        message: message.to_string(),
        hint: (!hint.is_empty()).then(|| hint.to_string()),
    }
}

fn to_pos(span: YamlSpan, offsets: &mut Offsets) -> Pos {
    let same_line = span.end.line() == span.start.line();
    let width = if same_line {
        span.end.index().saturating_sub(span.start.index())
    } else {
        1
    };
    Pos {
        line: span.start.line(),
        column: span.start.col() + 1,
        width: width.max(1),
        offset: offsets.byte(span.start.index()),
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_DEPTH, Value, parse};

    #[test]
    fn positions_are_one_based_and_scalars_know_their_style() {
        let root = parse("a: 1\nb:\n  - 'x'\n").unwrap().unwrap();
        let Value::Map(pairs) = &root.value else {
            panic!("not a map")
        };
        let (key, value) = &pairs[1];
        assert_eq!((key.pos.line, key.pos.column), (2, 1));
        let Value::Seq(items) = &value.value else {
            panic!("not a list")
        };
        assert_eq!((items[0].pos.line, items[0].pos.column), (3, 5));
        assert_eq!(
            items[0].value,
            Value::Scalar {
                text: "x".into(),
                plain: false
            }
        );
        assert_eq!(pairs[0].1.pos.width, 1);
    }

    #[test]
    fn empty_text_has_no_document() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# only a comment\n").unwrap(), None);
    }

    #[test]
    fn hostile_inputs_are_refused_not_expanded() {
        let bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
        assert!(parse(bomb).unwrap_err().message.contains("anchors"));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
        let block: String = (0..MAX_DEPTH + 2)
            .map(|d| format!("{}k{d}:\n", "  ".repeat(d)))
            .collect();
        assert!(parse(&block).unwrap_err().message.contains("nesting"));
        assert!(
            parse("a: 1\n---\nb: 2\n")
                .unwrap_err()
                .message
                .contains("more than one")
        );
        assert!(parse("a: !!str 1\n").unwrap_err().message.contains("tags"));
    }
}
