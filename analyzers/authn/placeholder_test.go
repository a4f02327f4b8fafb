package authn

import "testing"

func TestIsPlaceholder(t *testing.T) {
	for _, s := range []string{
		"", "   ", "xxxxxxxx", "********", "0000", "<api-token>", "<personal-access-token>",
		"your-api-token", "YOUR_API_TOKEN", "${JIRA_API_TOKEN}", "$JIRA_TOKEN", "{{ .Token }}", "{token}",
		"changeme", "REPLACE_ME", "replace-with-your-token", "...", "token-xxx", "%s", "api_token",
		"secret", "Password", "my-token", "placeholder", "dummy-secret", "example-token",
	} {
		if !isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"hunter2", "s3cret-Passw0rd!", "correct-horse-battery-staple", "my-shared-secret-value",
		"ATATT3xFfGF0your-token-xxxxxxxxxxxxxxxxxx",                    // an Atlassian API token whatever it says
		"q8Zr2LmX0vT4nB7kY1wP6sD9fH3jC5gA", "aB3xxxQ9zLm2Kp8Rt5Vw7Yc1", // random-looking, even with xxx
	} {
		if isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = true, want false", s)
		}
	}
}

func TestBasicPlaceholder(t *testing.T) {
	if !basicPlaceholder("dXNlcjo8dG9rZW4+") { // user:<token>
		t.Error("user:<token> should be a placeholder")
	}
	if basicPlaceholder("Ym90Omh1bnRlcjI=") { // bot:hunter2
		t.Error("bot:hunter2 should not be a placeholder")
	}
}
