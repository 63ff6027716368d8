/**
 * The crate's support items in `src/lib.rs`, the same for every IDL: the error of a string
 * that breaks its type's rule, the rule itself, and the error and checks of the path helpers'
 * `try_` variants. Only what the model uses is emitted (unused private helpers would be dead
 * code). The text is in rustfmt's layout (the crate tests check it with rustfmt and clippy).
 */

export interface SupportNeeds {
  /** The model declares `kind: string` types. */
  readonly strings: boolean;
  /** The model has path helpers. */
  readonly paths: boolean;
  /** Some path parameter has a `kind: string` type. */
  readonly typedParams: boolean;
  /** Some path parameter is a plain `string`. */
  readonly segments: boolean;
}

const STRING_ERROR = `/// A string that breaks the rule of its type (a \`kind: string\` declaration of the IDL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringError {
    /// The type whose rule is broken, such as \`Id\`.
    pub type_name: &'static str,
    /// Which part of the rule.
    pub problem: StringProblem,
}

/// The part of a string type's rule that a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringProblem {
    /// Fewer characters (Unicode scalar values) than the minimum given.
    TooShort(usize),
    /// More characters (Unicode scalar values) than the maximum given.
    TooLong(usize),
    /// Does not match the pattern; the rule in words.
    PatternMismatch(&'static str),
}

impl std::fmt::Display for StringError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self.type_name;
        match self.problem {
            StringProblem::TooShort(min) => write!(f, "{name} must be at least {min} characters"),
            StringProblem::TooLong(max) => write!(f, "{name} must be at most {max} characters"),
            StringProblem::PatternMismatch(rule) => write!(f, "{name} must match its rule: {rule}"),
        }
    }
}

impl std::error::Error for StringError {}`;

const STRING_RULE = `/// The rule of a string type (a \`kind: string\` declaration of the IDL).
#[derive(Debug, Clone, Copy)]
pub struct StringRule {
    /// The type's name.
    pub type_name: &'static str,
    /// The fewest characters (Unicode scalar values), if any.
    pub min_length: Option<usize>,
    /// The most characters (Unicode scalar values), if any.
    pub max_length: Option<usize>,
    /// The pattern, in ECMAScript syntax, as the IDL gives it.
    pub pattern: Option<&'static str>,
    /// The pattern in words.
    pub description: &'static str,
    /// Whether a string matches the pattern (a matcher generated from it).
    pub matches: Option<fn(&str) -> bool>,
}

impl StringRule {
    /// Checks \`value\`: its length, then its pattern.
    ///
    /// # Errors
    ///
    /// A [\`StringError\`] saying which part of the rule \`value\` breaks.
    pub fn check(&self, value: &str) -> Result<(), StringError> {
        let length = value.chars().count();
        let problem = match (self.min_length, self.max_length, self.matches) {
            (Some(min), _, _) if length < min => StringProblem::TooShort(min),
            (_, Some(max), _) if length > max => StringProblem::TooLong(max),
            (_, _, Some(matches)) if !matches(value) => {
                StringProblem::PatternMismatch(self.description)
            }
            _ => return Ok(()),
        };
        Err(StringError {
            type_name: self.type_name,
            problem,
        })
    }
}`;

const PATH_ERROR = `/// An argument of a path helper that would not stay one segment of the path, or breaks the rule
/// of its type. The \`try_\` helpers return it; the others format any string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// The helper called, such as \`pool_dir\`.
    pub helper: &'static str,
    /// The parameter, such as \`pool_id\`.
    pub param: &'static str,
    /// The argument given.
    pub value: String,
    /// The rule of the parameter's type that the argument breaks; \`None\` when it is not a single
    /// path segment (empty, \`.\`, \`..\`, or holding \`/\`, \`\\\` or NUL).
    pub rule: Option<StringError>,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (helper, param, value) = (self.helper, self.param, &self.value);
        match &self.rule {
            None => write!(
                f,
                "{helper}: {param} {value:?} is not a single path segment (empty, '.', '..', or holds '/', '\\\\' or NUL)"
            ),
            Some(rule) => write!(f, "{helper}: {param} {value:?}: {rule}"),
        }
    }
}

impl std::error::Error for PathError {}`;

const CHECK_SEGMENT = `/// Checks that an argument of a path helper is a single path segment.
pub(crate) fn check_segment(
    helper: &'static str,
    param: &'static str,
    value: &str,
) -> Result<(), PathError> {
    let bad =
        value.is_empty() || value == "." || value == ".." || value.contains(['/', '\\\\', '\\0']);
    if bad {
        return Err(PathError {
            helper,
            param,
            value: value.to_string(),
            rule: None,
        });
    }
    Ok(())
}`;

const CHECK_PARAM = `/// Checks that an argument of a path helper is a single path segment that follows \`rule\`.
pub(crate) fn check_param(
    helper: &'static str,
    param: &'static str,
    value: &str,
    rule: &StringRule,
) -> Result<(), PathError> {
    check_segment(helper, param, value)?;
    rule.check(value).map_err(|error| PathError {
        helper,
        param,
        value: value.to_string(),
        rule: Some(error),
    })
}`;

/** The support items a model needs, as blocks of lines. */
export function supportItems(needs: SupportNeeds): string[][] {
  const blocks: string[] = [];
  if (needs.strings || needs.paths) blocks.push(STRING_ERROR);
  if (needs.strings) blocks.push(STRING_RULE);
  if (needs.paths) blocks.push(PATH_ERROR);
  if (needs.segments || needs.typedParams) blocks.push(CHECK_SEGMENT);
  if (needs.typedParams) blocks.push(CHECK_PARAM);
  return blocks.map((b) => b.split("\n"));
}
