module example.com/forgee2e

go 1.26

require github.com/golang-jwt/jwt/v5 v5.3.1

replace github.com/golang-jwt/jwt/v5 => ../../stubs/golangjwt
