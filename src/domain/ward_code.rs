//! The 全国地方公共団体コード (local government code, JIS X 0401/0402): five digits naming the
//! prefecture and the municipality, and a sixth, a check digit. Kita City is `131172`: 13 Tokyo,
//! 117 Kita, check digit 2.
//!
//! The check digit: multiply the five digits by 6, 5, 4, 3 and 2, add them up, and take 11 minus
//! the remainder of the sum divided by 11; a result of 10 becomes 0 and 11 becomes 1 (the last
//! digit of the result).

/// Why a code is not a local government code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WardCodeError {
    #[error("'{0}' is not 6 digits")]
    NotSixDigits(String),
    #[error("'{code}' has the check digit {found}, but its first five digits give {expected}")]
    CheckDigit { code: String, found: u32, expected: u32 },
}

/// The check digit of the first five digits.
pub fn check_digit(first_five: [u32; 5]) -> u32 {
    let sum: u32 = first_five.iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    (11 - sum % 11) % 10
}

/// Checks a 6-digit code and its check digit.
pub fn validate(code: &str) -> Result<(), WardCodeError> {
    let digits: Vec<u32> = code.chars().filter_map(|c| c.to_digit(10)).collect();
    if code.len() != 6 || digits.len() != 6 {
        return Err(WardCodeError::NotSixDigits(code.to_string()));
    }
    let expected = check_digit([digits[0], digits[1], digits[2], digits[3], digits[4]]);
    if digits[5] != expected {
        return Err(WardCodeError::CheckDigit {
            code: code.to_string(),
            found: digits[5],
            expected,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_codes_check_out() {
        // 北区, 千代田区 (remainder 5), 新宿区 (remainder 0 → 1), 札幌市 (a city of another
        // prefecture), 中野区.
        for code in ["131172", "131016", "131041", "011002", "131148"] {
            assert_eq!(validate(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn a_wrong_check_digit_or_not_six_digits_is_refused() {
        assert_eq!(
            validate("131173"),
            Err(WardCodeError::CheckDigit { code: "131173".into(), found: 3, expected: 2 })
        );
        for bad in ["13117", "1311722", "13117x", "１３１１７２", ""] {
            assert!(matches!(validate(bad), Err(WardCodeError::NotSixDigits(_))), "{bad}");
        }
    }

    #[test]
    fn a_remainder_of_one_gives_zero() {
        // 1,0,0,0,3: 6 + 6 = 12, 12 mod 11 = 1, 11 − 1 = 10 → 0.
        assert_eq!(check_digit([1, 0, 0, 0, 3]), 0);
    }
}
