;;; eglot-session.el --- a headless Emacs + eglot session against gongwen-language-server  -*- lexical-binding: t -*-
;; Run by test/lsp/editors.test.ts: emacs --batch -q -l (site-start kept: Debian activates its elpa packages there) eglot-session.el
;; Environment: GONGWEN_SERVER (bin/gongwen-language-server.js), GONGWEN_FIXTURE (a document), GONGWEN_OUT (JSON out).
;; Opens the document with the README's configuration, waits (with a deadline) for the diagnostics eglot hands to
;; Flymake, asks for the document symbols, and writes both and eglot's warnings as JSON.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'json)

(defvar gongwen-deadline (+ (float-time) 60))
(defvar gongwen-warnings nil)
(advice-add 'eglot--warn :before (lambda (fmt &rest args) (push (apply #'format fmt args) gongwen-warnings)))

;; The README's configuration: .txt documents in text-mode, the server over stdio.
(add-to-list 'eglot-server-programs
             `(text-mode . ("node" ,(getenv "GONGWEN_SERVER") "--stdio")))

(defun gongwen-write (value)
  (with-temp-file (getenv "GONGWEN_OUT") (insert (json-encode value))))

(condition-case err
    (progn
      (find-file (getenv "GONGWEN_FIXTURE"))
      (text-mode)
      ;; a project for the document's folder without version control
      (let ((dir default-directory))
        (add-hook 'project-find-functions (lambda (_) (cons 'transient dir))))
      (apply #'eglot (eglot--guess-contact))
      (while (and (null (flymake-diagnostics)) (< (float-time) gongwen-deadline))
        (accept-process-output nil 0.2))
      (let* ((server (eglot-current-server))
             (symbols (jsonrpc-request server :textDocument/documentSymbol
                                       (list :textDocument (eglot--TextDocumentIdentifier))))
             (diagnostics (mapcar (lambda (d)
                                    (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                          (cons 'text (flymake-diagnostic-text d))))
                                  (flymake-diagnostics))))
        (gongwen-write (list (cons 'diagnostics (vconcat diagnostics))
                             (cons 'symbols (vconcat (mapcar (lambda (s) (plist-get s :name)) symbols)))
                             (cons 'warnings (vconcat gongwen-warnings))))
        (eglot-shutdown server)))
  (error (gongwen-write (list (cons 'error (format "%S" err))))))
(kill-emacs 0)
